namespace Bronze.Parquet.Compression.Zstd;

/// <summary>libzstd's <c>ZSTD_outBuffer</c>: where one streaming call writes, and how much it wrote.</summary>
internal unsafe struct ZstdOutBuffer
{
    /// <summary>The output.</summary>
    public byte* Destination;

    /// <summary>The output's capacity.</summary>
    public nuint Size;

    /// <summary>How many output bytes libzstd has written.</summary>
    public nuint Position;
}
