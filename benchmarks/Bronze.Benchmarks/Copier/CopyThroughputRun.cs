using System.Diagnostics;
using System.Globalization;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Storage;

namespace Bronze.Benchmarks.Copier;

/// <summary>
/// <c>copy</c>: the end-to-end copy (synthetic source, Parquet writer with ZSTD, sha256, LocalStore put-if-absent,
/// manifest) against the Parquet writer alone on the same rows, pre-generated, written to <see cref="Stream.Null"/>,
/// in the same run; then --parallel 2 against --parallel 1, and the peak RSS (VmHWM) of a <c>bronze copy</c> process
/// at --parallel 2. Throughput is XDR bytes per second, by wall clock and by process CPU time (steadier on a shared
/// machine). The folder is a new one under <c>BRONZE_BENCH_DIR</c> (default: the system temp folder), deleted after.
/// </summary>
public sealed class CopyThroughputRun : IThroughputRun
{
    private static readonly DatasetRef Dataset = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    /// <inheritdoc />
    public string Name => "copy";

    /// <inheritdoc />
    public string Description => "copy (synthetic -> LocalStore, zstd) vs the Parquet writer alone (>= 0.85x); --parallel 2 vs 1 (>= 1.7x); peak RSS < 512 MiB";

    /// <inheritdoc />
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        long size = quick ? 250 : 10_000;
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = quick ? 2048 : SyntheticLedgerOptions.DefaultMeanXdrBytes });
        string parent = Environment.GetEnvironmentVariable("BRONZE_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.GetTempPath();
        string folder = Path.Join(parent, "bronze-bench-copy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            PartitionRef partition = Dataset.Partition(size, (2 * size) - 1);
            var options = new CopierOptions { Dataset = Dataset, Start = size, End = (2 * size) - 1, PartitionSize = size, Parallelism = 1 };

            List<LedgerRow> rows = await source.ReadAsync(Dataset, partition.Start, partition.End, cancellationToken).ToListAsync(cancellationToken);
            long xdr = rows.Sum(r => (long)r.XdrByteLength);

            // Interleaved rounds, best of each: every path runs warm (JIT tiers, pools, page cache), and a burst of load
            // on this shared machine hits one round, not one contestant.
            int rounds = quick ? 1 : 3;
            Figure? writer = null, generated = null, copy1 = null, copy2 = null;
            for (int round = 0; round < rounds; round++)
            {
                writer = Best(writer, await MeasureAsync(xdr, () => LedgerFileEncoder.EncodeAsync(rows.ToAsyncEnumerable(), partition, Stream.Null, options, cancellationToken)));
                generated = Best(generated, await MeasureAsync(xdr, () => LedgerFileEncoder.EncodeAsync(
                    source.ReadAsync(Dataset, partition.Start, partition.End, cancellationToken), partition, Stream.Null, options, cancellationToken)));
                copy1 = Best(copy1, await CopyAsync(folder, $"p1-{round}", source, options, cancellationToken));
                copy2 = Best(copy2, await CopyAsync(folder, $"p2-{round}", source, options with { End = (3 * size) - 1, Parallelism = 2 }, cancellationToken));
            }

            rows.Clear();
            (long peakKiB, int exit) = await BronzeProcessPeak.RunAsync(
            ["copy", "--dest", Path.Join(folder, "rss"), "--parallel", "2", "--start", "0", "--end", quick ? "999" : "39999",
             "--partition-size", quick ? "250" : "10000", "--xdr-mean-bytes", quick ? "2048" : "20480", "--json"], cancellationToken);

            Console.WriteLine($"rows per partition {size}, XDR per partition {xdr / 1e6:F1} MB, machine load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine($"best of {rounds} interleaved rounds each");
            Print("parquet writer alone (rows in memory)", writer!, writer!);
            Print("source + parquet writer (no store)", generated!, writer!);
            Print("copy --parallel 1 (1 partition)", copy1!, writer!);
            Print("copy --parallel 2 (2 partitions)", copy2!, writer!);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  parallel 2 / parallel 1, wall: {copy2!.WallRate / copy1!.WallRate:F2}x (target >= 1.7x); cpu per byte: {copy1.CpuRate / copy2.CpuRate:F2}x of p1's"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  peak RSS of `bronze copy --parallel 2`: {peakKiB / 1024.0:F0} MiB (target < 512 MiB), exit {exit}"));
            return exit == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Figure> CopyAsync(string folder, string name, ILedgerSource source, CopierOptions options, CancellationToken cancellationToken)
    {
        var store = new LocalStore(Path.Join(folder, name));
        var copier = new LedgerCopier(store, source, options);
        CopyRunSummary? summary = null;
        Figure figure = await MeasureAsync(0, async () => summary = await copier.RunAsync(cancellationToken));
        if (summary is not { Succeeded: true, Written: > 0 }) throw new InvalidOperationException("The copy did not write every partition.");
        return figure with { Bytes = summary.SourceBytes };
    }

    private static Figure Best(Figure? best, Figure figure) => best is null || figure.WallSeconds < best.WallSeconds ? figure : best;

    private static async Task<Figure> MeasureAsync<T>(long bytes, Func<Task<T>> action)
    {
        GC.Collect();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        double wall = clock.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return new Figure(bytes, wall, cpu);
    }

    private static void Print(string what, Figure figure, Figure limit) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what,-40} {figure.WallRate / 1e6,7:F1} MB/s wall ({figure.WallRate / limit.WallRate:F2}x)  {figure.CpuRate / 1e6,7:F1} MB/cpu-s ({figure.CpuRate / limit.CpuRate:F2}x)"));

    private sealed record Figure(long Bytes, double WallSeconds, double CpuSeconds)
    {
        public double WallRate => Bytes / WallSeconds;

        public double CpuRate => Bytes / CpuSeconds;
    }
}
