namespace Bronze.S3.Client;

/// <summary>Reads the body of a ranged GET into memory, at most the bytes asked for.</summary>
internal static class RangeBody
{
    public static async Task<byte[]> ReadAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = await body.ReadAsync(bytes.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }

        return read == length ? bytes : bytes[..read];
    }
}
