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
    /// <exception cref="Errors.BronzeException">The object does not exist, cannot be read, or the store failed.</exception>
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
                if (size < HeadLength) chunk[..(int)Math.Min(read, HeadLength - size)].CopyTo(head.AsSpan((int)size));
                KeepTail(ring, size, chunk);
                size += read;
            }
        }

        return new StoredObjectDigest(size, Convert.ToHexStringLower(hash.GetHashAndReset()), head[..(int)Math.Min(size, HeadLength)], Unroll(ring, size));
    }

    /// <summary>The size and sha256 of the object at <paramref name="key"/>, keeping none of its bytes.</summary>
    /// <exception cref="Errors.BronzeException">The object does not exist, cannot be read, or the store failed.</exception>
    public static Task<StoredObjectDigest> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken) =>
        ReadAsync(store, key, 0, cancellationToken);

    // The ring holds byte i of the object at i % ring.Length.
    private static void KeepTail(byte[] ring, long offset, ReadOnlySpan<byte> chunk)
    {
        if (ring.Length == 0) return;
        if (chunk.Length > ring.Length)
        {
            offset += chunk.Length - ring.Length;
            chunk = chunk[^ring.Length..];
        }

        int at = (int)(offset % ring.Length);
        int first = Math.Min(chunk.Length, ring.Length - at);
        chunk[..first].CopyTo(ring.AsSpan(at));
        chunk[first..].CopyTo(ring);
    }

    private static byte[] Unroll(byte[] ring, long size)
    {
        if (size <= ring.Length) return ring[..(int)size];
        if (ring.Length == 0) return [];
        int at = (int)(size % ring.Length);
        return [.. ring.AsSpan(at), .. ring.AsSpan(0, at)];
    }
}
