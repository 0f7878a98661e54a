using System.Diagnostics;
using Bronze.Parquet;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;
using Bronze.Sources;

namespace Bronze.Benchmarks.Parquet;

/// <summary>
/// Peak managed memory while writing a 2 GB ledgers_lcm_raw file (zstd-3, default 128 MiB row groups) into a
/// discard stream: the heap above the rows already in memory, sampled every few milliseconds, against the budget.
/// </summary>
public sealed class ParquetWriterMemoryRun : IThroughputRun
{
    /// <inheritdoc/>
    public string Name => "parquet-memory";

    /// <inheritdoc/>
    public string Description => "peak managed heap while writing 2 GB of ledgers_lcm_raw rows, vs the row-group budget";

    /// <inheritdoc/>
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        long target = quick ? 64L << 20 : 2_000_000_000L;
        var options = new ParquetWriterOptions { Codec = ParquetCodec.Zstd, RowGroupSize = quick ? 16L << 20 : 128L << 20 };
        ParquetSchema schema = LedgerRows.Schema;

        // A pool of rows, cycled until the target is written: the pool is in the baseline, the writer is what grows.
        List<LedgerRow> pool = LedgerRows.Generate(Math.Min(target, 256L << 20));
        long poolInput = pool.Sum(LedgerRows.InputBytes);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(2, CancellationToken.None);
            }
        }, CancellationToken.None);

        var stream = new CountingStream();
        long input = 0, rows = 0;
        long start = Stopwatch.GetTimestamp();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken))
        {
            while (input < target)
            {
                foreach (LedgerRow row in pool)
                {
                    await LedgerRows.AppendAsync(writer, row, cancellationToken);
                    rows++;
                }

                input += poolInput;
            }

            await writer.CompleteAsync(cancellationToken);
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long above = peak - baseline;
        long budget = options.RowGroupSize;
        Console.WriteLine($"{rows} rows, {input / 1e6:F0} MB of input, {stream.Length / 1e6:F0} MB written (zstd-3) in {seconds:F1} s ({input / seconds / 1e6:F0} MB/s)");
        Console.WriteLine($"row-group budget {budget >> 20} MiB; heap baseline (rows in memory) {baseline >> 20} MiB; peak {peak >> 20} MiB");
        Console.WriteLine($"peak above baseline: {above / 1048576.0:F1} MiB = budget + {(above - budget) / 1048576.0:F1} MiB (target: under budget + 64 MiB)");
        Console.WriteLine($"allocated while writing: {allocated / 1048576.0:F1} MiB ({(double)allocated / input * 100:F3}% of input)");
        return above - budget < 64L << 20 ? 0 : 1;
    }
}
