using Bronze.Storage;

namespace Bronze.Copier;

/// <summary>Reads a stored object back and hashes it: the only way to know what a store really holds.</summary>
internal static class StoredObjectDigest
{
    private const int BufferSize = 1 << 20;

    /// <summary>The size and lower-case hex sha256 of the object at <paramref name="key"/>.</summary>
    public static async Task<(long Size, string Sha256)> ComputeAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        Stream stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var sink = new HashingStream();
            await stream.CopyToAsync(sink, BufferSize, cancellationToken).ConfigureAwait(false);
            return (sink.Length, sink.Sha256());
        }
    }
}
