namespace Bronze.S3.Upload;

/// <summary>The size, MD5 and sha256 of the bytes offered to a put, computed as they were read.</summary>
/// <param name="Size">The number of bytes.</param>
/// <param name="Md5">The MD5 digest (what Content-MD5 carries and a single-part ETag holds).</param>
/// <param name="Sha256">The sha256 digest.</param>
internal sealed record ContentDigest(long Size, byte[] Md5, byte[] Sha256)
{
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);

    public string Md5Base64 => Convert.ToBase64String(Md5);

    public string Sha256Base64 => Convert.ToBase64String(Sha256);

    /// <summary>The ETag S3 gives an object written by a single PutObject: the MD5 in hex, quoted.</summary>
    public string SinglePartETag => "\"" + Convert.ToHexStringLower(Md5) + "\"";
}
