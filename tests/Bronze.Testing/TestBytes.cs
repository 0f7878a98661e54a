using System.Security.Cryptography;

namespace Bronze.Testing;

/// <summary>Deterministic test content: the same size and seed always give the same bytes, so a reader can check them.</summary>
public static class TestBytes
{
    /// <summary>Returns <paramref name="size"/> pseudo-random bytes drawn from <paramref name="seed"/>.</summary>
    /// <param name="size">The number of bytes.</param>
    /// <param name="seed">Selects the content; distinct seeds give distinct content.</param>
    public static byte[] Create(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The lower-case hex sha256 of <paramref name="bytes"/>, as <c>PutResult.Sha256</c> reports it.</summary>
    /// <param name="bytes">The bytes.</param>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
