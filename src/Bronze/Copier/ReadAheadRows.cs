using System.Threading.Channels;
using Bronze.Sources;

namespace Bronze.Copier;

/// <summary>
/// Reads a source's rows on a worker task, a few MiB ahead of the encoder. The encoder is the copier's bottleneck:
/// producing rows (generating, fetching, hashing XDR) on the other core instead of in turn with encoding is what lets
/// a single partition use both cores. Order, values and errors pass through unchanged.
/// </summary>
internal sealed class ReadAheadRows(IAsyncEnumerable<LedgerRow> rows) : IAsyncEnumerable<LedgerRow>
{
    // Rows travel in batches, so the hand-over costs little per row; at most BatchesAhead batches wait, which bounds
    // the memory held ahead to about BatchesAhead x BatchBytes (plus one row, however large).
    private const int BatchBytes = 1 << 20;
    private const int BatchRows = 64;
    private const int BatchesAhead = 4;

    public async IAsyncEnumerator<LedgerRow> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var batches = Channel.CreateBounded<List<LedgerRow>>(
            new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producer = Task.Run(() => ProduceAsync(batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            // Completes with the source's own exception when it failed.
            while (await batches.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (batches.Reader.TryRead(out List<LedgerRow>? batch))
                {
                    foreach (LedgerRow row in batch) yield return row;
                }
            }
        }
        finally
        {
            // The encoder stopped early (an error, a cancellation): stop reading the source and wait for it to let go.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ProduceAsync(ChannelWriter<List<LedgerRow>> writer, CancellationToken cancellationToken)
    {
        var batch = new List<LedgerRow>(BatchRows);
        try
        {
            long bytes = 0;
            await foreach (LedgerRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(row);
                bytes += row.XdrByteLength;
                if (bytes < BatchBytes && batch.Count < BatchRows) continue;
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                batch = new List<LedgerRow>(BatchRows);
                bytes = 0;
            }

            if (batch.Count > 0) await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            writer.Complete();
        }
        catch (Exception e)
        {
            // The rows before a failure still go first, so the encoder fails at the same row as without read-ahead.
            if (batch.Count > 0 && e is not OperationCanceledException)
                await writer.WriteAsync(batch, cancellationToken).AsTask().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            writer.Complete(e);
        }
    }
}
