using System.Security.Cryptography;
using Bronze.Storage;

namespace Bronze.Verification;

/// <summary>
/// One pass over a stored data file: its size and sha256, plus its first bytes and last bytes so the Parquet footer
/// can be read without a second download.
/// </summary>
internal sealed record DataFileDigest(long Size, string Sha256, byte[] Head, byte[] Tail)
{
    private const int HeadLength = 4;
    private const int BufferSize = 1 << 20;

    /// <summary>Reads the object at <paramref name="key"/> to its end, keeping its last <paramref name="tailLength"/> bytes.</summary>
    public static async Task<DataFileDigest> ReadAsync(IObjectStore store, string key, int tailLength, CancellationToken cancellationToken)
    {
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

        return new DataFileDigest(size, Convert.ToHexStringLower(hash.GetHashAndReset()), head[..(int)Math.Min(size, HeadLength)], Unroll(ring, size));
    }

    /// <summary>A seekable view of the kept bytes for a footer reader.</summary>
    public Stream OpenFooterView() => new HeadTailStream(Head, Tail, Size);

    // The ring holds byte i of the file at i % ring.Length.
    private static void KeepTail(byte[] ring, long offset, ReadOnlySpan<byte> chunk)
    {
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
        int at = (int)(size % ring.Length);
        return [.. ring.AsSpan(at), .. ring.AsSpan(0, at)];
    }
}
