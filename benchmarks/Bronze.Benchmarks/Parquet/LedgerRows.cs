using Bronze.Copier;
using Bronze.Layout;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;
using Bronze.Sources;

namespace Bronze.Benchmarks.Parquet;

/// <summary>
/// Rows of <c>ledgers_lcm_raw</c> from the synthetic source (log-normal XDR sizes averaging 20 KiB, XDR-like
/// compressibility), the table's schema from Bronze's embedded definition, and a way to append a row as its own batch
/// (the copier ends a batch every 32 rows, so these runs take a slightly busier path than it does).
/// </summary>
internal static class LedgerRows
{
    private static readonly DatasetRef Dataset = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    /// <summary>The table's schema, as the copier loads it.</summary>
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
        IReadOnlyList<ParquetColumnWriter> c = writer.Columns;
        c[0].WriteInt64(row.LedgerSequence);
        c[1].WriteString(row.LedgerHash);
        c[2].WriteString(row.PreviousLedgerHash);
        c[3].WriteTimestamp(row.CloseTime);
        c[4].WriteInt32(row.ProtocolVersion);
        c[5].WriteInt64(row.TotalCoins);
        c[6].WriteInt64(row.FeePool);
        c[7].WriteString(row.TxSetHash);
        if (row.TxCount is { } txCount) c[8].WriteInt32(txCount);
        else c[8].WriteNull();
        if (row.OperationCount is { } operationCount) c[9].WriteInt32(operationCount);
        else c[9].WriteNull();
        c[10].WriteBytes(row.XdrBytes.Span);
        c[11].WriteInt32(row.XdrByteLength);
        c[12].WriteString(row.XdrSha256);
        c[13].WriteString(BronzeVersion);
        c[14].WriteString(Dataset.EraId);
        c[15].WriteString(Dataset.Network);
        await writer.EndBatchAsync(cancellationToken);
    }
}
