using System.Runtime.ExceptionServices;
using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Upload;

/// <summary>
/// A caller's stream, read once and forward only: the engine reads it through a <see cref="HashingReadStream"/>, so
/// the hashes are computed from exactly the bytes sent, as they are read.
/// </summary>
internal sealed class StreamUploadContent(Stream content) : IUploadContent
{
    private readonly HashingReadStream _hashing = new(content);

    /// <inheritdoc/>
    public Stream Body => _hashing;

    /// <inheritdoc/>
    public long? Length => null;

    /// <inheritdoc/>
    public ExceptionDispatchInfo? SourceFailure => _hashing.SourceFailure;

    /// <inheritdoc/>
    public Task<ContentHashes> SentHashesAsync(CancellationToken cancellationToken) => Task.FromResult(Current());

    /// <inheritdoc/>
    public async Task<ContentHashes> WholeHashesAsync(CancellationToken cancellationToken)
    {
        await _hashing.DrainAsync(cancellationToken).ConfigureAwait(false);
        return Current();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _hashing.Dispose();
        return ValueTask.CompletedTask;
    }

    private ContentHashes Current() => new(_hashing.BytesHashed, _hashing.Crc32C, _hashing.Sha256Hex());
}
