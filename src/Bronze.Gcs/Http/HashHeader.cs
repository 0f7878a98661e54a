using System.Buffers.Binary;

namespace Bronze.Gcs.Http;

/// <summary>Reads and writes the <c>x-goog-hash</c> header (<c>crc32c=BASE64,md5=BASE64</c>, possibly repeated).</summary>
internal static class HashHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "x-goog-hash";

    /// <summary>The crc32c a response carries, or <see langword="null"/> when it carries none.</summary>
    public static uint? Crc32C(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(Name, out IEnumerable<string>? values)) return null;
        foreach (string value in values)
        {
            foreach (string part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("crc32c=", StringComparison.OrdinalIgnoreCase)) return FromBase64(part["crc32c=".Length..]);
            }
        }

        return null;
    }

    /// <summary>Decodes Cloud Storage's base64 big-endian crc32c, or <see langword="null"/> when it is malformed.</summary>
    public static uint? FromBase64(string? value)
    {
        Span<byte> bytes = stackalloc byte[4];
        return value is not null && Convert.TryFromBase64String(value, bytes, out int written) && written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : null;
    }
}
