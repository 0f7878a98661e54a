using System.Diagnostics;
using System.Security.Cryptography;
using Bronze.Storage;

namespace Bronze.Benchmarks.Storage;

/// <summary>
/// <c>local-put</c>: <see cref="LocalStore"/> put-if-absent of one 256 MiB object (temp file, sha256, fsync, no-replace
/// publish, folder fsync) against a plain <see cref="FileStream"/> write + fsync of the same bytes to the same disk,
/// alternating, in the same run. Also prints sha256 alone, the cost the store adds on top of the disk. The folder is a
/// new one under <c>BRONZE_BENCH_DIR</c> (default: the system temp folder), deleted afterwards.
/// </summary>
public sealed class LocalPutRun : IThroughputRun
{
    private const int FullSize = 256 << 20;
    private const int FullRounds = 7;

    /// <inheritdoc />
    public string Name => "local-put";

    /// <inheritdoc />
    public string Description => "LocalStore put-if-absent of 256 MiB vs a plain FileStream write + fsync (target <= 1.15x)";

    /// <inheritdoc />
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        int size = quick ? 8 << 20 : FullSize;
        int rounds = quick ? 1 : FullRounds;
        byte[] data = new byte[size];
        new Random(42).NextBytes(data);
        string parent = Environment.GetEnvironmentVariable("BRONZE_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.GetTempPath();
        string folder = Path.Join(parent, "bronze-bench-local-put-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var store = new LocalStore(Path.Join(folder, "store"));
            using (var warmUp = new MemoryStream(data, 0, 1 << 20, writable: false))
                await store.PutIfAbsentAsync("warm-up", warmUp, cancellationToken);
            var plain = new List<double>();
            var put = new List<double>();
            var hash = new List<double>();
            var plainCpu = new List<double>();
            var putCpu = new List<double>();
            var hashCpu = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                // Alternate the order so that neither side always runs on a disk still busy with the other's writeback.
                if (round % 2 == 0) await Measure(plain, plainCpu, () => PlainWriteAsync(folder, round, data, cancellationToken));
                await Measure(put, putCpu, () => StorePutAsync(store, round, data, cancellationToken));
                if (round % 2 == 1) await Measure(plain, plainCpu, () => PlainWriteAsync(folder, round, data, cancellationToken));
                await Measure(hash, hashCpu, () => Task.FromResult(SHA256.HashData(data)));
                DeleteRound(folder, store, round);
            }

            double plainMedian = Median(plain), putMedian = Median(put), hashMedian = Median(hash);
            Console.WriteLine($"object {size >> 20} MiB, {rounds} rounds, median seconds (MiB/s); folder {parent}");
            Console.WriteLine($"  plain FileStream write + fsync   {plainMedian,8:F3} s ({Rate(size, plainMedian),7:F0} MiB/s)  cpu {Median(plainCpu):F3} s  all: {Join(plain)}");
            Console.WriteLine($"  LocalStore.PutIfAbsentAsync      {putMedian,8:F3} s ({Rate(size, putMedian),7:F0} MiB/s)  cpu {Median(putCpu):F3} s  all: {Join(put)}");
            Console.WriteLine($"  sha256 alone (in memory)         {hashMedian,8:F3} s ({Rate(size, hashMedian),7:F0} MiB/s)  cpu {Median(hashCpu):F3} s");
            Console.WriteLine($"  ratio put / plain: {putMedian / plainMedian:F3} (target <= 1.15); best of each: {put.Min() / plain.Min():F3}; load average {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs one write, adding its wall time and this process's CPU time (all threads) to the lists.</summary>
    private static async Task Measure(List<double> wall, List<double> cpu, Func<Task> write)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await write();
        wall.Add(clock.Elapsed.TotalSeconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    /// <summary>The 1-minute load average, to tell a quiet machine's figures from a busy one's.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static async Task PlainWriteAsync(string folder, int round, byte[] data, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Join(folder, $"plain-{round}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        await using (file)
        {
            await file.WriteAsync(data, cancellationToken);
            file.Flush(flushToDisk: true);
        }
    }

    private static async Task StorePutAsync(LocalStore store, int round, byte[] data, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(data, writable: false);
        PutResult result = await store.PutIfAbsentAsync($"bench/range=0-9/part-{round}.parquet", content, cancellationToken);
        if (!result.Created) throw new InvalidOperationException("The benchmark's object already existed.");
    }

    private static void DeleteRound(string folder, LocalStore store, int round)
    {
        File.Delete(Path.Join(folder, $"plain-{round}"));
        File.Delete(Path.Join(store.Root, "bench", "range=0-9", $"part-{round}.parquet"));
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Rate(int size, double seconds) => size / (1024.0 * 1024.0) / seconds;

    private static string Join(List<double> values) => string.Join(' ', values.Select(v => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
}
