namespace Bronze.Parquet.Schema;

/// <summary>
/// One flat column. The first five members are what the file records; <see cref="Dictionary"/>,
/// <see cref="Statistics"/> and <see cref="PageSize"/> only steer the writer (a schema read back from a footer has their
/// defaults).
/// </summary>
/// <param name="Name">The column name (non-empty).</param>
/// <param name="PhysicalType">How values are stored.</param>
/// <param name="IsNullable">Optional (may hold nulls) rather than required.</param>
/// <param name="LogicalType">What the values mean, or null for plain physical values.</param>
/// <param name="TypeLength">For <see cref="ParquetPhysicalType.FixedLenByteArray"/>: the length in bytes; else null.</param>
/// <param name="Dictionary">
/// Dictionary-encode this column (for low-cardinality values; falls back to PLAIN when the dictionary outgrows
/// <see cref="Bronze.Parquet.Writing.ParquetWriterOptions.DictionaryPageSizeLimit"/>). Default false. Ignored for BOOLEAN.
/// </param>
/// <param name="Statistics">
/// Write min/max statistics (default true). Binary values longer than
/// <see cref="Bronze.Parquet.Writing.ParquetWriterOptions.MaxStatisticsValueLength"/> make the writer omit min/max for the chunk; the
/// null count is always written.
/// </param>
/// <param name="PageSize">
/// Target uncompressed bytes per data page of this column, at least 1024, or null (the default) for
/// <see cref="Bronze.Parquet.Writing.ParquetWriterOptions.PageSize"/>. Larger pages give ZSTD more context on large
/// values (see the table <c>ledgers_lcm_raw</c>, whose <c>xdr_bytes</c> takes 8 MiB); a reader then needs a buffer of one
/// such page per column it reads.
/// </param>
public sealed record ParquetColumn(
    string Name,
    ParquetPhysicalType PhysicalType,
    bool IsNullable = false,
    ParquetLogicalType? LogicalType = null,
    int? TypeLength = null,
    bool Dictionary = false,
    bool Statistics = true,
    int? PageSize = null);
