using Bronze.Layout;
using Bronze.Parquet.Writing;
using Bronze.Sources;
using Bronze.Tables;

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
            long count = 0;
            long? first = null, last = null;
            await foreach (LedgerRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                LedgerTable.Write(writer.Columns, row, partition);
                first ??= row.LedgerSequence;
                last = row.LedgerSequence;
                if (++count % BatchRows == 0) await writer.EndBatchAsync(cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return new EncodedRows(count, first, last);
        }
    }
}
