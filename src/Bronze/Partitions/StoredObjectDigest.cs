using System.Security.Cryptography;
using Bronze.Storage;

namespace Bronze.Partitions;

/// <summary>
/// One pass over a stored object: its size and sha256 (reading it back is the only way to know what a store really
/// holds), plus its first bytes and last bytes, so verification reads a Parquet footer without a second download.
/// </summary>
/// <param name="Size">The object's size in bytes.</param>
/// <param name="Sha256">The lower-case hex sha256 of its bytes.</param>
/// <param name="Head">Its first bytes, at most <see cref="HeadLength"/>.</param>
/// <param name="Tail">Its last bytes, at most the tail length asked for.</param>
internal sealed record StoredObjectDigest(long Size, string Sha256, byte[] Head, byte[] Tail)
{
    /// <summary>How many of the object's first bytes are kept (a Parquet file's magic).</summary>
    public const int HeadLength = 4;

    private const int BufferSize = 1 << 20;

    /// <summary>Reads the object at <paramref name="key"/> to its end, keeping its last <paramref name="tailLength"/> bytes.</summary>
    /// <exception cref="BronzeException">The object does not exist, cannot be read, or the store failed.</exception>
    public static async Task<StoredObjectDigest> ReadAsync(IObjectStore store, string key, int tailLength, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tailLength);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] head = new byte[HeadLength];
        byte[] ring = new byte[tailLength];
        byte[] buffer = new byte[BufferSize];
        long size = 0;
        Stream stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                ReadOnlySpan<byte> chunk = buffer.AsSpan(0, read);
                hash.AppendData(chunk);
                chunk[..(int)Math.Min(read, Math.Max(0, HeadLength - size))].CopyTo(head.AsSpan((int)Math.Min(size, HeadLength)));
                KeepTail(ring, size, chunk);
                size += read;
            }
        }

        return new StoredObjectDigest(size, Convert.ToHexStringLower(hash.GetHashAndReset()), head[..(int)Math.Min(size, HeadLength)], Unroll(ring, size));
    }

    /// <summary>The size and sha256 of the object at <paramref name="key"/>, keeping none of its bytes.</summary>
    /// <exception cref="BronzeException">The object does not exist, cannot be read, or the store failed.</exception>
    public static Task<StoredObjectDigest> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken) =>
        ReadAsync(store, key, 0, cancellationToken);

    // The ring holds byte i of the object at i % ring.Length. Written without branches on the lengths: an empty ring
    // (no tail wanted) and a chunk longer than the ring take the same path.
    private static void KeepTail(byte[] ring, long offset, ReadOnlySpan<byte> chunk)
    {
        int keep = Math.Min(chunk.Length, ring.Length);
        offset += chunk.Length - keep;
        chunk = chunk[^keep..];
        int at = (int)(offset % Math.Max(ring.Length, 1));
        int first = Math.Min(keep, ring.Length - at);
        chunk[..first].CopyTo(ring.AsSpan(at));
        chunk[first..].CopyTo(ring);
    }

    // The object's last min(size, ring) bytes in order: the ring turned to start at the oldest byte, then its end.
    private static byte[] Unroll(byte[] ring, long size)
    {
        int at = (int)(size % Math.Max(ring.Length, 1));
        byte[] turned = [.. ring.AsSpan(at), .. ring.AsSpan(0, at)];
        return turned[^(int)Math.Min(size, ring.Length)..];
    }
}
