namespace Bronze.Parquet.Footer;

/// <summary>
/// Everything a Parquet file's footer says, for any valid file from any writer (nested schemas included): what
/// <see cref="ParquetFooterReader.ReadMetadataAsync(Stream, CancellationToken)"/> returns.
/// </summary>
/// <param name="Version">The format version field (1 or 2).</param>
/// <param name="RowCount">Rows in the file.</param>
/// <param name="Schema">The schema tree's root group.</param>
/// <param name="Leaves">The leaf columns in schema order; each row group has one chunk per leaf, in this order.</param>
/// <param name="RowGroups">The row groups, in file order.</param>
/// <param name="KeyValueMetadata">The file's key-value metadata, in file order.</param>
/// <param name="CreatedBy">The writer, e.g. <c>parquet-cpp-arrow version 21.0.0</c>, when recorded.</param>
public sealed record ParquetFileMetadata(
    int Version,
    long RowCount,
    ParquetSchemaNode Schema,
    IReadOnlyList<ParquetLeafColumn> Leaves,
    IReadOnlyList<ParquetRowGroupInfo> RowGroups,
    IReadOnlyList<KeyValuePair<string, string?>> KeyValueMetadata,
    string? CreatedBy)
{
    /// <summary>The file's length in bytes.</summary>
    public long FileLength { get; init; }

    /// <summary>The footer's length in bytes (the FileMetaData, without its length field and magic).</summary>
    public int FooterLength { get; init; }
}
