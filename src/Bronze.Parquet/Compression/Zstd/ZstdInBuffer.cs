namespace Bronze.Parquet.Compression.Zstd;

/// <summary>libzstd's <c>ZSTD_inBuffer</c>: the input of one streaming call, and how much of it was consumed.</summary>
internal unsafe struct ZstdInBuffer
{
    /// <summary>The input.</summary>
    public byte* Source;

    /// <summary>The input's length.</summary>
    public nuint Size;

    /// <summary>How many input bytes libzstd has consumed.</summary>
    public nuint Position;
}
