using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Footer;

/// <summary>What a Parquet file's footer says: schema, rows, row groups, key-value metadata and the writer.</summary>
/// <param name="Version">The format version field (Bronze writes 2).</param>
/// <param name="RowCount">Rows in the file.</param>
/// <param name="Schema">The flat schema (write-only hints such as dictionary use have their defaults).</param>
/// <param name="RowGroups">The row groups, in file order.</param>
/// <param name="KeyValueMetadata">The file's key-value metadata, in file order.</param>
/// <param name="CreatedBy">The writer, e.g. <c>bronze version 0.1.0</c>, when recorded.</param>
public sealed record ParquetFileInfo(
    int Version,
    long RowCount,
    ParquetSchema Schema,
    IReadOnlyList<ParquetRowGroupInfo> RowGroups,
    IReadOnlyList<KeyValuePair<string, string?>> KeyValueMetadata,
    string? CreatedBy);
