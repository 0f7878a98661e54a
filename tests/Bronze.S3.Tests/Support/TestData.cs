using System.Security.Cryptography;

namespace Bronze.S3.Tests.Support;

/// <summary>Deterministic test bytes and helpers to hash and read them back.</summary>
public static class TestData
{
    /// <summary><paramref name="size"/> pseudo-random bytes from <paramref name="seed"/>.</summary>
    public static byte[] Bytes(int size, int seed)
    {
        byte[] data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>The lower-hex sha256 of <paramref name="data"/>.</summary>
    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

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
