using Bronze.Layout;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;
using Bronze.Sources;

namespace Bronze.Tables;

/// <summary>
/// One column of <c>ledgers_lcm_raw</c>: its Parquet definition and where a row's value comes from, made together so
/// the two cannot disagree. Each factory takes an accessor of the C# type the Parquet type holds (a <see cref="long"/>
/// for INT64, an <see cref="int"/>? for a nullable INT32...), so a column whose value does not fit its type does not
/// compile. <see cref="LedgerTable"/> lists the columns.
/// </summary>
internal sealed class LedgerColumn
{
    private readonly Action<ParquetColumnWriter, LedgerRow, PartitionRef> _write;

    private LedgerColumn(ParquetColumn parquet, bool fromPartition, Action<ParquetColumnWriter, LedgerRow, PartitionRef> write)
    {
        Parquet = parquet;
        FromPartition = fromPartition;
        _write = write;
    }

    /// <summary>The column as the file's schema records it, with the writer's per-column choices.</summary>
    public ParquetColumn Parquet { get; }

    /// <summary>The column name.</summary>
    public string Name => Parquet.Name;

    /// <summary>True for the dataset's columns (the same value for every row of a file), false for a <see cref="LedgerRow"/> value.</summary>
    public bool FromPartition { get; }

    /// <summary>Writes the value of <paramref name="row"/>, a row of <paramref name="partition"/>, to this column's writer.</summary>
    public void Write(ParquetColumnWriter writer, LedgerRow row, PartitionRef partition) => _write(writer, row, partition);

    /// <summary>A required INT64 column.</summary>
    public static LedgerColumn Int64(string name, Func<LedgerRow, long> value) =>
        Row(new ParquetColumn(name, ParquetPhysicalType.Int64), (w, r) => w.WriteInt64(value(r)));

    /// <summary>A required INT32 column.</summary>
    public static LedgerColumn Int32(string name, Func<LedgerRow, int> value) =>
        Row(new ParquetColumn(name, ParquetPhysicalType.Int32), (w, r) => w.WriteInt32(value(r)));

    /// <summary>A nullable INT32 column.</summary>
    public static LedgerColumn NullableInt32(string name, Func<LedgerRow, int?> value) =>
        Row(new ParquetColumn(name, ParquetPhysicalType.Int32, IsNullable: true), (w, r) =>
        {
            if (value(r) is { } v) w.WriteInt32(v);
            else w.WriteNull();
        });

    /// <summary>A required UTF-8 string column.</summary>
    public static LedgerColumn String(string name, Func<LedgerRow, string> value) =>
        Row(Text(name), (w, r) => w.WriteString(value(r)));

    /// <summary>A required timestamp column: milliseconds, UTC.</summary>
    public static LedgerColumn TimestampMillis(string name, Func<LedgerRow, DateTimeOffset> value) =>
        Row(new ParquetColumn(name, ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Millis)),
            (w, r) => w.WriteTimestamp(value(r)));

    /// <summary>A required binary column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="value">The row's bytes.</param>
    /// <param name="statistics">Whether min/max statistics are written (they mean nothing for opaque blobs).</param>
    /// <param name="pageSize">The column's own page size, or null for the writer's.</param>
    public static LedgerColumn Binary(string name, Func<LedgerRow, ReadOnlyMemory<byte>> value, bool statistics, int? pageSize) =>
        Row(new ParquetColumn(name, ParquetPhysicalType.ByteArray, Statistics: statistics, PageSize: pageSize),
            (w, r) => w.WriteBytes(value(r).Span));

    /// <summary>
    /// A required string column whose value comes from the partition (or the build), the same for every row of a file:
    /// dictionary-encoded, so a file stores it once.
    /// </summary>
    public static LedgerColumn PartitionString(string name, Func<PartitionRef, string> value) =>
        new(Text(name) with { Dictionary = true }, fromPartition: true, (w, _, p) => w.WriteString(value(p)));

    private static ParquetColumn Text(string name) => new(name, ParquetPhysicalType.ByteArray, LogicalType: ParquetLogicalType.String);

    private static LedgerColumn Row(ParquetColumn parquet, Action<ParquetColumnWriter, LedgerRow> write) =>
        new(parquet, fromPartition: false, (w, r, _) => write(w, r));
}
