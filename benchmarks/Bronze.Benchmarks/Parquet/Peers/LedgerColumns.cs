using System.Runtime.InteropServices;
using Bronze.Sources;
using Bronze.Tables;

namespace Bronze.Benchmarks.Parquet.Peers;

/// <summary>
/// The same ledger rows as column arrays, cut into row groups of about the same input bytes as Bronze's row-group
/// budget: the form Parquet.Net and ParquetSharp take. Built once, before any timing, so it is part of the baseline.
/// </summary>
internal sealed class LedgerColumns
{
    private LedgerColumns(List<LedgerRow> rows)
    {
        LedgerSequence = [.. rows.Select(r => r.LedgerSequence)];
        LedgerHash = [.. rows.Select(r => r.LedgerHash)];
        PreviousLedgerHash = [.. rows.Select(r => r.PreviousLedgerHash)];
        CloseTime = [.. rows.Select(r => r.CloseTime.UtcDateTime)];
        ProtocolVersion = [.. rows.Select(r => r.ProtocolVersion)];
        TotalCoins = [.. rows.Select(r => r.TotalCoins)];
        FeePool = [.. rows.Select(r => r.FeePool)];
        TxSetHash = [.. rows.Select(r => r.TxSetHash)];
        TxCount = [.. rows.Select(r => r.TxCount)];
        OperationCount = [.. rows.Select(r => r.OperationCount)];
        XdrBytes = [.. rows.Select(r => AsArray(r.XdrBytes))];
        XdrByteLength = [.. rows.Select(r => r.XdrByteLength)];
        XdrSha256 = [.. rows.Select(r => r.XdrSha256)];
        BronzeVersion = [.. rows.Select(_ => LedgerTable.BronzeVersion)];
        EraId = [.. rows.Select(_ => LedgerRows.EraId)];
        Network = [.. rows.Select(_ => LedgerRows.Network)];
    }

    public long[] LedgerSequence { get; }
    public string[] LedgerHash { get; }
    public string[] PreviousLedgerHash { get; }
    public DateTime[] CloseTime { get; }
    public int[] ProtocolVersion { get; }
    public long[] TotalCoins { get; }
    public long[] FeePool { get; }
    public string[] TxSetHash { get; }
    public int?[] TxCount { get; }
    public int?[] OperationCount { get; }
    public byte[][] XdrBytes { get; }
    public int[] XdrByteLength { get; }
    public string[] XdrSha256 { get; }
    public string[] BronzeVersion { get; }
    public string[] EraId { get; }
    public string[] Network { get; }

    /// <summary>Row ranges (start, count) of the row groups.</summary>
    public List<(int Start, int Count)> RowGroups { get; } = [];

    /// <summary>The rows' columns, cut where the input bytes of a group reach <paramref name="rowGroupBytes"/>.</summary>
    public static LedgerColumns From(List<LedgerRow> rows, long rowGroupBytes)
    {
        var columns = new LedgerColumns(rows);
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            bytes += LedgerRows.InputBytes(rows[i]);
            if (bytes < rowGroupBytes && i < rows.Count - 1) continue;
            columns.RowGroups.Add((start, i + 1 - start));
            start = i + 1;
            bytes = 0;
        }

        return columns;
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();
}
