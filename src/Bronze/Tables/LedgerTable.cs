using System.Reflection;
using Bronze.Layout;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;
using Bronze.Sources;

namespace Bronze.Tables;

/// <summary>
/// The <c>ledgers_lcm_raw</c> v1 table, defined once: every column's name, type, writer choices and value. The schema,
/// the encoder and the verifier all take it from here; <c>schemas/ledgers_lcm_raw.v1.json</c> publishes it for users,
/// and a test checks the two agree column for column. A new column is one line here, its <see cref="LedgerRow"/>
/// property (or partition value) and its line in the JSON file.
/// </summary>
internal static class LedgerTable
{
    /// <summary>The table name, as datasets, manifests and the JSON file name it.</summary>
    public const string Name = "ledgers_lcm_raw";

    /// <summary>The table definition's version.</summary>
    public const int Version = 1;

    // ZSTD gets more context from 8 MiB pages of XDR (files as small as ParquetSharp's); other columns take the writer's.
    private const int XdrPageSize = 8 << 20;

    /// <summary>What the <c>bronze_version</c> column holds: this build's version, e.g. <c>0.1.0</c>.</summary>
    public static string BronzeVersion { get; } = (typeof(LedgerTable).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>The ledger's sequence number: rows are ordered by it, and the verifier checks partitions by its statistics.</summary>
    public static LedgerColumn LedgerSequence { get; } = LedgerColumn.Int64("ledger_sequence", r => r.LedgerSequence);

    /// <summary>Every column, in file order.</summary>
    public static IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        LedgerSequence,
        LedgerColumn.String("ledger_hash", r => r.LedgerHash),
        LedgerColumn.String("previous_ledger_hash", r => r.PreviousLedgerHash),
        LedgerColumn.TimestampMillis("close_time", r => r.CloseTime),
        LedgerColumn.Int32("protocol_version", r => r.ProtocolVersion),
        LedgerColumn.Int64("total_coins", r => r.TotalCoins),
        LedgerColumn.Int64("fee_pool", r => r.FeePool),
        LedgerColumn.String("tx_set_hash", r => r.TxSetHash),
        LedgerColumn.NullableInt32("tx_count", r => r.TxCount),
        LedgerColumn.NullableInt32("operation_count", r => r.OperationCount),
        LedgerColumn.Binary("xdr_bytes", r => r.XdrBytes, statistics: false, pageSize: XdrPageSize),
        LedgerColumn.Int32("xdr_byte_length", r => r.XdrByteLength),
        LedgerColumn.String("xdr_sha256", r => r.XdrSha256),
        LedgerColumn.PartitionString("bronze_version", _ => BronzeVersion),
        LedgerColumn.PartitionString("era_id", p => p.EraId),
        LedgerColumn.PartitionString("network", p => p.Network),
    ];

    /// <summary>The table's Parquet schema, built from <see cref="Columns"/>.</summary>
    public static ParquetSchema Schema { get; } = new(Columns.Select(c => c.Parquet));

    /// <summary>Writes one row of <paramref name="partition"/> to the writers of a file of <see cref="Schema"/>, one value per column.</summary>
    /// <param name="writers">The file's column writers, in schema order (<see cref="ParquetWriter.Columns"/>).</param>
    /// <param name="row">The row.</param>
    /// <param name="partition">The partition the file holds.</param>
    /// <exception cref="ArgumentException"><paramref name="writers"/> are not one per column.</exception>
    public static void Write(IReadOnlyList<ParquetColumnWriter> writers, LedgerRow row, PartitionRef partition)
    {
        if (writers.Count != Columns.Count) throw new ArgumentException($"{Name} has {Columns.Count} columns, not {writers.Count}.", nameof(writers));
        for (int i = 0; i < writers.Count; i++) Columns[i].Write(writers[i], row, partition);
    }
}
