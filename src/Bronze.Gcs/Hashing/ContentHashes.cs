namespace Bronze.Gcs.Hashing;

/// <summary>What the store computes of a put's content: its size, crc32c (for Cloud Storage) and sha256 (for Bronze).</summary>
/// <param name="Size">The number of bytes.</param>
/// <param name="Crc32C">Their crc32c.</param>
/// <param name="Sha256Hex">Their lower-case hex sha256.</param>
internal sealed record ContentHashes(long Size, uint Crc32C, string Sha256Hex);
