using ParquetCodec = Bronze.Parquet.ParquetCodec;
using Parquet;
using Parquet.Schema;

namespace Bronze.Benchmarks.Parquet.Peers;

/// <summary>
/// Parquet.Net 6.1.0 (fully managed) writing the ledger columns with its defaults and the codec asked for; its
/// compression level is <see cref="System.IO.Compression.CompressionLevel.Optimal"/> (its own default is SmallestSize).
/// </summary>
internal static class ParquetNetLedgerWriter
{
    private static readonly DataField<long> LedgerSequence = new("ledger_sequence");
    private static readonly DataField<string> LedgerHash = new("ledger_hash");
    private static readonly DataField<string> PreviousLedgerHash = new("previous_ledger_hash");
    private static readonly DateTimeDataField CloseTime = new("close_time", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis);
    private static readonly DataField<int> ProtocolVersion = new("protocol_version");
    private static readonly DataField<long> TotalCoins = new("total_coins");
    private static readonly DataField<long> FeePool = new("fee_pool");
    private static readonly DataField<string> TxSetHash = new("tx_set_hash");
    private static readonly DataField<int?> TxCount = new("tx_count");
    private static readonly DataField<int?> OperationCount = new("operation_count");
    private static readonly DataField<byte[]> XdrBytes = new("xdr_bytes");
    private static readonly DataField<int> XdrByteLength = new("xdr_byte_length");
    private static readonly DataField<string> XdrSha256 = new("xdr_sha256");
    private static readonly DataField<string> BronzeVersion = new("bronze_version");
    private static readonly DataField<string> EraId = new("era_id");
    private static readonly DataField<string> Network = new("network");

    private static readonly global::Parquet.Schema.ParquetSchema Schema = new(
        LedgerSequence, LedgerHash, PreviousLedgerHash, CloseTime, ProtocolVersion, TotalCoins, FeePool, TxSetHash, TxCount,
        OperationCount, XdrBytes, XdrByteLength, XdrSha256, BronzeVersion, EraId, Network);

    public static async Task WriteAsync(LedgerColumns data, Stream stream, ParquetCodec codec, CancellationToken cancellationToken)
    {
        var options = new ParquetOptions
        {
            CompressionMethod = codec switch
            {
                ParquetCodec.Zstd => CompressionMethod.Zstd,
                ParquetCodec.Snappy => CompressionMethod.Snappy,
                ParquetCodec.Uncompressed => CompressionMethod.None,
                _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not measured against Parquet.Net."),
            },
            CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
        };
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(Schema, stream, options, cancellationToken: cancellationToken);
        foreach ((int start, int count) in data.RowGroups)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync<long>(LedgerSequence, data.LedgerSequence.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync(LedgerHash, new ArraySegment<string>(data.LedgerHash, start, count));
            await group.WriteAsync(PreviousLedgerHash, new ArraySegment<string>(data.PreviousLedgerHash, start, count));
            await group.WriteAsync<DateTime>(CloseTime, data.CloseTime.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync<int>(ProtocolVersion, data.ProtocolVersion.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync<long>(TotalCoins, data.TotalCoins.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync<long>(FeePool, data.FeePool.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync(TxSetHash, new ArraySegment<string>(data.TxSetHash, start, count));
            await group.WriteAsync<int>(TxCount, data.TxCount.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync<int>(OperationCount, data.OperationCount.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync(XdrBytes, new ArraySegment<byte[]>(data.XdrBytes, start, count));
            await group.WriteAsync<int>(XdrByteLength, data.XdrByteLength.AsMemory(start, count), cancellationToken: cancellationToken);
            await group.WriteAsync(XdrSha256, new ArraySegment<string>(data.XdrSha256, start, count));
            await group.WriteAsync(BronzeVersion, new ArraySegment<string>(data.BronzeVersion, start, count));
            await group.WriteAsync(EraId, new ArraySegment<string>(data.EraId, start, count));
            await group.WriteAsync(Network, new ArraySegment<string>(data.Network, start, count));
            group.CompleteValidate();
        }
    }
}
