using System.Net.Http;
using System.Runtime.CompilerServices;

namespace Bronze.Galexie;

/// <summary>
/// Reads a run of batch files with several reads in flight and delivers them in order. Memory stays bounded: at most
/// <see cref="GalexieSourceOptions.MaxReadsInFlight"/> batches, fewer when batches are large (about
/// <see cref="GalexieSourceOptions.MaxBytesAhead"/> bytes), are read or waiting at once. A transient failure is retried
/// with backoff; a missing or corrupt batch is not. When the consumer stops (an error, a cancellation), every read in
/// flight is cancelled and awaited before the enumeration ends.
/// </summary>
internal static class OrderedBatchReads
{
    // Until a first batch says how large batches are, only this many reads start.
    private const int InitialWindow = 4;

    public static async IAsyncEnumerable<LakeBatch> ReadAsync(
        GalexieLake lake, IReadOnlyList<long> batchStarts, GalexieSourceOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<LakeBatch>>();
        int next = 0;
        long batches = 0, bytes = 0;
        try
        {
            while (next < batchStarts.Count || inFlight.Count > 0)
            {
                int window = batches == 0
                    ? Math.Min(InitialWindow, options.MaxReadsInFlight)
                    : (int)Math.Clamp(options.MaxBytesAhead / Math.Max(1, bytes / batches), 1, options.MaxReadsInFlight);
                while (next < batchStarts.Count && inFlight.Count < window)
                {
                    long start = batchStarts[next++];
                    inFlight.Enqueue(Task.Run(() => ReadWithRetriesAsync(lake, start, options, stop.Token), CancellationToken.None));
                }

                LakeBatch batch = await inFlight.Dequeue().ConfigureAwait(false);
                if (!batch.Missing)
                {
                    // A missing batch (the optional one before the range) says nothing about batch sizes.
                    batches++;
                    bytes += batch.Bytes;
                }

                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (Task read in inFlight) await read.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task<LakeBatch> ReadWithRetriesAsync(GalexieLake lake, long start, GalexieSourceOptions options, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await LakeBatchReader.ReadAsync(lake, start, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < options.MaxAttempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                TimeSpan delay = options.RetryDelay * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // A body cut short surfaces as an I/O error from the stream, after the store's own request retries are over.
    private static bool IsTransient(Exception e) => e switch
    {
        BronzeException b => b.IsTransient,
        IOException or HttpRequestException => true,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };
}
