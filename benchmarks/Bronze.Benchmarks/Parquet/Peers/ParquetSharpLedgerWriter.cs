using ParquetCodec = Bronze.Parquet.ParquetCodec;
using ParquetSharp;

namespace Bronze.Benchmarks.Parquet.Peers;

/// <summary>
/// ParquetSharp 25.0.1.2 (Apache Arrow's C++ writer) writing the ledger columns with its defaults (dictionary on,
/// 1 MiB data page target checked per write batch of 1,024 values) and the codec and level asked for.
/// </summary>
internal static class ParquetSharpLedgerWriter
{
    public static void Write(LedgerColumns data, Stream stream, ParquetCodec codec, int zstdLevel)
    {
        Column[] columns =
        [
            new Column<long>("ledger_sequence"),
            new Column<string>("ledger_hash"),
            new Column<string>("previous_ledger_hash"),
            new Column<DateTime>("close_time", LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Millis)),
            new Column<int>("protocol_version"),
            new Column<long>("total_coins"),
            new Column<long>("fee_pool"),
            new Column<string>("tx_set_hash"),
            new Column<int?>("tx_count"),
            new Column<int?>("operation_count"),
            new Column<byte[]>("xdr_bytes"),
            new Column<int>("xdr_byte_length"),
            new Column<string>("xdr_sha256"),
            new Column<string>("bronze_version"),
            new Column<string>("era_id"),
            new Column<string>("network"),
        ];
        using WriterPropertiesBuilder builder = new WriterPropertiesBuilder().Compression(codec switch
        {
            ParquetCodec.Zstd => Compression.Zstd,
            ParquetCodec.Snappy => Compression.Snappy,
            ParquetCodec.Uncompressed => Compression.Uncompressed,
            _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not measured against ParquetSharp."),
        });
        if (codec == ParquetCodec.Zstd) builder.CompressionLevel(zstdLevel);
        using WriterProperties properties = builder.Build();
        using var file = new ParquetFileWriter(stream, columns, null, properties, null, leaveOpen: true);
        foreach ((int start, int count) in data.RowGroups)
        {
            using RowGroupWriter group = file.AppendRowGroup();
            Write(group, data.LedgerSequence, start, count);
            Write(group, data.LedgerHash, start, count);
            Write(group, data.PreviousLedgerHash, start, count);
            Write(group, data.CloseTime, start, count);
            Write(group, data.ProtocolVersion, start, count);
            Write(group, data.TotalCoins, start, count);
            Write(group, data.FeePool, start, count);
            Write(group, data.TxSetHash, start, count);
            Write(group, data.TxCount, start, count);
            Write(group, data.OperationCount, start, count);
            Write(group, data.XdrBytes, start, count);
            Write(group, data.XdrByteLength, start, count);
            Write(group, data.XdrSha256, start, count);
            Write(group, data.BronzeVersion, start, count);
            Write(group, data.EraId, start, count);
            Write(group, data.Network, start, count);
            group.Close();
        }

        file.Close();
    }

    private static void Write<T>(RowGroupWriter group, T[] values, int start, int count)
    {
        using LogicalColumnWriter<T> writer = group.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(values, start, count);
    }
}
