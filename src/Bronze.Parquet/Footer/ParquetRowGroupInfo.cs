namespace Bronze.Parquet.Footer;

/// <summary>One row group's metadata, as the footer records it.</summary>
/// <param name="RowCount">Rows in the group.</param>
/// <param name="TotalByteSize">Uncompressed bytes of the group's column chunks.</param>
/// <param name="TotalCompressedSize">Bytes the group occupies in the file, when recorded.</param>
/// <param name="FileOffset">The file offset of the group's first page, when recorded.</param>
/// <param name="Columns">The column chunks, in schema order.</param>
public sealed record ParquetRowGroupInfo(
    long RowCount,
    long TotalByteSize,
    long? TotalCompressedSize,
    long? FileOffset,
    IReadOnlyList<ParquetColumnChunkInfo> Columns)
{
    /// <summary>The group's position in the original file (kept when files are merged), when recorded.</summary>
    public int? Ordinal { get; init; }
}
