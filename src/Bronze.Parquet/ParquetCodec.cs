namespace Bronze.Parquet;

/// <summary>The compression codecs Bronze writes; the values are the Parquet format's CompressionCodec numbers.</summary>
public enum ParquetCodec
{
    /// <summary>No compression.</summary>
    Uncompressed = 0,

    /// <summary>Snappy (raw blocks), through Snappier, a port of Google's C++ Snappy.</summary>
    Snappy = 1,

    /// <summary>GZIP (DEFLATE in a gzip frame), from the BCL.</summary>
    Gzip = 2,

    /// <summary>Brotli, from the BCL.</summary>
    Brotli = 4,

    /// <summary>Zstandard, through the system's libzstd (<c>libzstd.so.1</c>). The default.</summary>
    Zstd = 6,
}
