namespace Bronze.S3.Tests.Support;

/// <summary>Helpers to stage test bytes in a file and read objects back.</summary>
public static class TestData
{
    /// <summary>Writes <paramref name="data"/> to a new temporary file and returns its path.</summary>
    public static string TempFile(byte[] data)
    {
        string path = Path.Combine(Path.GetTempPath(), "bronze-s3-test-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, data);
        return path;
    }

    /// <summary>Reads a whole stream and disposes it.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
    }
}
