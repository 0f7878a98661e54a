using Bronze.Layout;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;
using Bronze.Sources;
using Bronze.Tables;

namespace Bronze.Benchmarks.Parquet;

/// <summary>
/// Rows of <c>ledgers_lcm_raw</c> from the synthetic source (log-normal XDR sizes averaging 20 KiB, XDR-like
/// compressibility), the table's schema and row-to-column mapping from Bronze's typed definition, and a way to append a
/// row as its own batch (the copier ends a batch every 32 rows, so these runs take a slightly busier path than it does).
/// </summary>
internal static class LedgerRows
{
    private static readonly DatasetRef Dataset = new("pubnet", "pre_p23", "v1", LedgerTable.Name);

    // What the dataset columns are written from; the rows' own range does not matter to them.
    private static readonly PartitionRef Partition = Dataset.Partition(0, uint.MaxValue);

    /// <summary>The table's schema, as the copier writes it.</summary>
    public static ParquetSchema Schema => LedgerTable.Schema;

    /// <summary>The rows' era id (a constant column).</summary>
    public static string EraId => Dataset.EraId;

    /// <summary>The rows' network (a constant column).</summary>
    public static string Network => Dataset.Network;

    private static string BronzeVersion => LedgerTable.BronzeVersion;

    /// <summary>Rows from ledger 1 on until their input bytes reach <paramref name="inputBytes"/>.</summary>
    public static List<LedgerRow> Generate(long inputBytes)
    {
        var source = new SyntheticLedgerSource();
        var rows = new List<LedgerRow>();
        long total = 0;
        for (long sequence = SyntheticLedgerSource.FirstLedger; total < inputBytes; sequence++)
        {
            LedgerRow row = source.Create(Dataset, sequence);
            rows.Add(row);
            total += InputBytes(row);
        }

        return rows;
    }

    /// <summary>The row's value bytes (integers at their width, text as UTF-8, the XDR): the "input" of MB/s figures.</summary>
    public static long InputBytes(LedgerRow row) =>
        (8 * 4) + (4 * 4) + row.LedgerHash.Length + row.PreviousLedgerHash.Length + row.TxSetHash.Length + row.XdrSha256.Length
        + row.XdrByteLength + BronzeVersion.Length + Dataset.EraId.Length + Dataset.Network.Length;

    public static async ValueTask AppendAsync(ParquetWriter writer, LedgerRow row, CancellationToken cancellationToken)
    {
        LedgerTable.Write(writer.Columns, row, Partition);
        await writer.EndBatchAsync(cancellationToken);
    }
}
