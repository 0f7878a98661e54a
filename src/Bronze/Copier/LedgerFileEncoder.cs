using Bronze.Layout;
using Bronze.Parquet.Writing;
using Bronze.Sources;

namespace Bronze.Copier;

/// <summary>Writes <c>ledgers_lcm_raw</c> rows as one Parquet file through Bronze's streaming writer.</summary>
internal static class LedgerFileEncoder
{
    // Rows per writer batch: row groups end at batch ends, so this bounds the overshoot of a row group's budget.
    private const int BatchRows = 32;

    public static async Task<EncodedRows> EncodeAsync(
        IAsyncEnumerable<LedgerRow> rows, PartitionRef partition, Stream destination, CopierOptions options, CancellationToken cancellationToken)
    {
        var writerOptions = new ParquetWriterOptions { Codec = options.Codec, RowGroupSize = options.RowGroupBytes };
        ParquetWriter writer = await ParquetWriter.CreateAsync(LedgerTable.Schema, destination, writerOptions, cancellationToken)
            .ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var columns = new LedgerColumns(writer, partition);
            long count = 0;
            long? first = null, last = null;
            await foreach (LedgerRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                columns.Write(row);
                first ??= row.LedgerSequence;
                last = row.LedgerSequence;
                if (++count % BatchRows == 0) await writer.EndBatchAsync(cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return new EncodedRows(count, first, last);
        }
    }

    /// <summary>The column writers of one file, looked up once.</summary>
    private sealed class LedgerColumns(ParquetWriter writer, PartitionRef partition)
    {
        private readonly ParquetColumnWriter _sequence = writer.Column("ledger_sequence");
        private readonly ParquetColumnWriter _hash = writer.Column("ledger_hash");
        private readonly ParquetColumnWriter _previousHash = writer.Column("previous_ledger_hash");
        private readonly ParquetColumnWriter _closeTime = writer.Column("close_time");
        private readonly ParquetColumnWriter _protocol = writer.Column("protocol_version");
        private readonly ParquetColumnWriter _totalCoins = writer.Column("total_coins");
        private readonly ParquetColumnWriter _feePool = writer.Column("fee_pool");
        private readonly ParquetColumnWriter _txSetHash = writer.Column("tx_set_hash");
        private readonly ParquetColumnWriter _txCount = writer.Column("tx_count");
        private readonly ParquetColumnWriter _operationCount = writer.Column("operation_count");
        private readonly ParquetColumnWriter _xdr = writer.Column("xdr_bytes");
        private readonly ParquetColumnWriter _xdrLength = writer.Column("xdr_byte_length");
        private readonly ParquetColumnWriter _xdrSha256 = writer.Column("xdr_sha256");
        private readonly ParquetColumnWriter _bronzeVersion = writer.Column("bronze_version");
        private readonly ParquetColumnWriter _eraId = writer.Column("era_id");
        private readonly ParquetColumnWriter _network = writer.Column("network");

        public void Write(LedgerRow row)
        {
            _sequence.WriteInt64(row.LedgerSequence);
            _hash.WriteString(row.LedgerHash);
            _previousHash.WriteString(row.PreviousLedgerHash);
            _closeTime.WriteTimestamp(row.CloseTime);
            _protocol.WriteInt32(row.ProtocolVersion);
            _totalCoins.WriteInt64(row.TotalCoins);
            _feePool.WriteInt64(row.FeePool);
            _txSetHash.WriteString(row.TxSetHash);
            WriteNullable(_txCount, row.TxCount);
            WriteNullable(_operationCount, row.OperationCount);
            _xdr.WriteBytes(row.XdrBytes.Span);
            _xdrLength.WriteInt32(row.XdrByteLength);
            _xdrSha256.WriteString(row.XdrSha256);
            _bronzeVersion.WriteString(LedgerTable.BronzeVersion);
            _eraId.WriteString(partition.EraId);
            _network.WriteString(partition.Network);
        }

        private static void WriteNullable(ParquetColumnWriter column, int? value)
        {
            if (value is { } v) column.WriteInt32(v);
            else column.WriteNull();
        }
    }
}
