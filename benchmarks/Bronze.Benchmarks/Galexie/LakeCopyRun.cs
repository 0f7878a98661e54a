using System.Diagnostics;
using System.Globalization;
using Bronze.Benchmarks.Copier;
using Bronze.Copier;
using Bronze.Galexie;
using Bronze.Layout;
using Bronze.Parquet.Compression.Zstd;
using Bronze.Sources;
using Bronze.Storage;

namespace Bronze.Benchmarks.Galexie;

/// <summary>
/// <c>lake-copy</c>: a copy from a local synthetic galexie lake (20,000 ledgers, one per zstd batch file) into a
/// LocalStore, against the pipeline's limit measured in the same run: zstd decompression of every batch file plus the
/// Parquet writer alone on the same rows (in memory, to <see cref="Stream.Null"/>), one after the other on one thread.
/// Then the peak RSS of a <c>bronze copy --source LAKE --parallel 2</c> process. The folder is a new one under
/// <c>BRONZE_BENCH_DIR</c> (default: the system temp folder), deleted after.
/// </summary>
public sealed class LakeCopyRun : IThroughputRun
{
    /// <inheritdoc />
    public string Name => "lake-copy";

    /// <inheritdoc />
    public string Description => "copy from a local galexie lake (20,000 ledgers) vs zstd decode + Parquet writer alone (>= 0.8x); peak RSS < 512 MiB";

    /// <inheritdoc />
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        string parent = Environment.GetEnvironmentVariable("BRONZE_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.GetTempPath();
        string folder = Path.Join(parent, "bronze-bench-lake-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            BenchLake lake = await BenchLake.WriteAsync(folder, quick, cancellationToken);
            string[] batches = Directory.GetFiles(lake.Root, "*.xdr.zst", SearchOption.AllDirectories);
            long compressed = batches.Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"lake: {lake.Ledgers} ledgers in {batches.Length} batch files, {compressed / 1e6:F1} MB compressed, written in {clock.Elapsed.TotalSeconds:F1} s");

            int rounds = quick ? 1 : 3;
            Figure? limit = null, copy1 = null, copy2 = null;
            long xdr = 0;
            for (int round = 0; round < rounds; round++)
            {
                (Figure zstd, long bytes) = Measure(() => DecompressAll(batches));
                xdr = bytes;
                Figure writer = await WriterAloneAsync(lake, cancellationToken);
                limit = Best(limit, new Figure(xdr, zstd.WallSeconds + writer.WallSeconds, zstd.CpuSeconds + writer.CpuSeconds));
                copy1 = Best(copy1, await CopyAsync(lake, Path.Join(folder, $"p1-{round}"), 1, cancellationToken));
                copy2 = Best(copy2, await CopyAsync(lake, Path.Join(folder, $"p2-{round}"), 2, cancellationToken));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1}: zstd {zstd.WallSeconds:F2} s + writer {writer.WallSeconds:F2} s; copy p1 {copy1.WallSeconds:F2} s, p2 {copy2.WallSeconds:F2} s (best so far)"));
            }

            (long peakKiB, int exit) = await BronzeProcessPeak.RunAsync(lake.CopyArgs(lake.Root, Path.Join(folder, "rss"), 2), cancellationToken);

            Console.WriteLine($"XDR {xdr / 1e6:F1} MB; best of {rounds} interleaved rounds each; machine load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Print("limit: zstd decode + parquet writer (1 thread)", limit!, limit!);
            Print("copy from lake --parallel 1", copy1!, limit!);
            Print("copy from lake --parallel 2", copy2!, limit!);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  peak RSS of `bronze copy --source LAKE --parallel 2`: {peakKiB / 1024.0:F0} MiB (target < 512 MiB), exit {exit}"));
            return exit == 0 ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static long DecompressAll(string[] batches)
    {
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        foreach (string path in batches)
        {
            using var zstd = new ZstdDecompressionStream(File.OpenRead(path));
            int read;
            while ((read = zstd.Read(buffer)) > 0) total += read;
        }

        return total - (12L * batches.Length); // the batch headers are not XDR of ledgers
    }

    // One partition's rows in memory at a time: the writer is measured on exactly the rows the copy writes.
    private static async Task<Figure> WriterAloneAsync(BenchLake lake, CancellationToken cancellationToken)
    {
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = lake.MeanXdrBytes });
        var options = new CopierOptions { Dataset = BenchLake.Dataset, Start = lake.Start, End = lake.End, PartitionSize = lake.PartitionSize, Parallelism = 1 };
        var total = new Figure(0, 0, 0);
        foreach (PartitionRef partition in PartitionRef.Cover(BenchLake.Dataset, lake.Start, lake.End, lake.PartitionSize))
        {
            List<LedgerRow> rows = await source.ReadAsync(BenchLake.Dataset, partition.Start, partition.End, cancellationToken).ToListAsync(cancellationToken);
            Figure figure = await MeasureAsync(() => LedgerFileEncoder.EncodeAsync(rows.ToAsyncEnumerable(), partition, Stream.Null, options, cancellationToken));
            total = new Figure(0, total.WallSeconds + figure.WallSeconds, total.CpuSeconds + figure.CpuSeconds);
        }

        return total;
    }

    private static async Task<Figure> CopyAsync(BenchLake lake, string dest, int parallel, CancellationToken cancellationToken)
    {
        var source = new GalexieLedgerSource(await GalexieLake.OpenAsync(new LocalStore(lake.Root), cancellationToken));
        var options = new CopierOptions { Dataset = BenchLake.Dataset, Start = lake.Start, End = lake.End, PartitionSize = lake.PartitionSize, Parallelism = parallel };
        var copier = new LedgerCopier(new LocalStore(dest), source, options);
        CopyRunSummary? summary = null;
        Figure figure = await MeasureAsync(async () => summary = await copier.RunAsync(cancellationToken));
        if (summary is not { Succeeded: true, Written: > 0 }) throw new InvalidOperationException("The copy did not write every partition: " + summary?.Problems.FirstOrDefault()?.Message);
        return figure with { Bytes = summary.SourceBytes };
    }

    private static Figure Best(Figure? best, Figure figure) => best is null || figure.WallSeconds < best.WallSeconds ? figure : best;

    private static (Figure Figure, T Result) Measure<T>(Func<T> action)
    {
        GC.Collect();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        T result = action();
        return (new Figure(0, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds), result);
    }

    private static async Task<Figure> MeasureAsync<T>(Func<Task<T>> action)
    {
        GC.Collect();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        return new Figure(0, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static void Print(string what, Figure figure, Figure limit) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what,-48} {figure.WallRate / 1e6,7:F1} MB/s wall ({figure.WallRate / limit.WallRate:F2}x)  {figure.CpuRate / 1e6,7:F1} MB/cpu-s ({figure.CpuRate / limit.CpuRate:F2}x)"));

    private sealed record Figure(long Bytes, double WallSeconds, double CpuSeconds)
    {
        public double WallRate => Bytes / WallSeconds;

        public double CpuRate => Bytes / CpuSeconds;
    }
}
