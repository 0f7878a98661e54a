using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Bronze.Benchmarks.ScaleOut;

/// <summary>
/// The same 20 partitions copied by 1 task and by 2 tasks (<c>--shard I/2</c>, <c>--parallel 1</c> each) to a local
/// folder with the self-contained build: through Slurm (the documented batch script, submit to last task finished) and
/// started directly as processes (each in its own session, as Slurm starts them), alternating in the same run. Prints each wall time, the 2-vs-1 ratio and Slurm's
/// overhead against the direct start.
/// </summary>
public sealed class SlurmScaleOutRun : IThroughputRun
{
    private const string ConfVariable = "BRONZE_TEST_SLURM_CONF";

    /// <inheritdoc/>
    public string Name => "slurm-scaleout";

    /// <inheritdoc/>
    public string Description => "20 partitions by 1 vs 2 tasks, through Slurm and started directly: MB/s of XDR, 2-vs-1 ratio, Slurm's overhead";

    /// <inheritdoc/>
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        string? conf = Environment.GetEnvironmentVariable(ConfVariable);
        if (string.IsNullOrEmpty(conf))
        {
            Console.WriteLine($"slurm-scaleout needs the Slurm test cluster: {ConfVariable} is not set. Start it with test-servers/slurm/start.sh "
                + "(./test.sh does) and source the env file it writes.");
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            return quick && !ci ? 0 : 2;
        }

        string root = RepositoryRoot();
        string bronze = (await RunAsync("bash", root, null, [Path.Join(root, "tools", "publish", "linux-x64.sh")], cancellationToken)).Trim();
        string script = Path.Join(root, "docs", "scale-out", "bronze-copy.sbatch");
        long size = quick ? 10 : 2_000;
        string[] range = ["--start", "0", "--end", (20 * size - 1).ToString(CultureInfo.InvariantCulture), "--partition-size", size.ToString(CultureInfo.InvariantCulture),
            "--parallel", "1", "--json"];
        int rounds = quick ? 1 : 2;
        var env = new Dictionary<string, string> { ["SLURM_CONF"] = conf, ["BRONZE"] = bronze };
        var best = new Dictionary<string, (double Seconds, long Bytes)>();
        Console.WriteLine($"20 partitions of {size} ledgers (synthetic, mean XDR 20 KiB, zstd) to a local folder, --parallel 1 per task; "
            + $"{rounds} round(s), best kept; MB = 10^6 bytes");
        Console.WriteLine($"{"round",5} {"case",-16} {"wall s",8} {"MB/s XDR",9}");
        for (int round = 1; round <= rounds; round++)
        {
            foreach ((string name, int tasks, bool slurm) in new[] { ("direct, 1 task", 1, false), ("slurm, 1 task", 1, true), ("direct, 2 tasks", 2, false), ("slurm, 2 tasks", 2, true) })
            {
                string folder = Path.Combine(Path.GetTempPath(), $"bronze-scaleout-{Guid.NewGuid():N}");
                Directory.CreateDirectory(folder);
                try
                {
                    string[] copy = [.. range, "--dest", Path.Join(folder, "out")];
                    var clock = Stopwatch.StartNew();
                    if (slurm) await SlurmAsync(script, folder, tasks, env, copy, cancellationToken);
                    else await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => DirectAsync(bronze, folder, env, [.. copy, "--shard", $"{i}/{tasks}"], Path.Join(folder, $"task-{i}.out"), cancellationToken)));
                    double seconds = clock.Elapsed.TotalSeconds;
                    long bytes = SourceBytes(folder, tasks);
                    Console.WriteLine($"{round,5} {name,-16} {seconds,8:F2} {bytes / seconds / 1e6,9:F1}");
                    if (!best.TryGetValue(name, out var seen) || seconds < seen.Seconds) best[name] = (seconds, bytes);
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        double Ratio(string a, string b) => best[b].Seconds / best[a].Seconds;
        Console.WriteLine($"2 tasks vs 1: direct {Ratio("direct, 2 tasks", "direct, 1 task"):F2}x, slurm {Ratio("slurm, 2 tasks", "slurm, 1 task"):F2}x the throughput");
        string Overhead(string slurm, string direct) =>
            $"{best[slurm].Seconds / best[direct].Seconds:F2}x ({best[slurm].Seconds - best[direct].Seconds:+0.00;-0.00} s)";
        Console.WriteLine($"slurm vs direct, wall time: 1 task {Overhead("slurm, 1 task", "direct, 1 task")}, 2 tasks {Overhead("slurm, 2 tasks", "direct, 2 tasks")}");
        return 0;
    }

    /// <summary>Submits the array and polls <c>scontrol</c> (every 100 ms) until every task has finished; fails unless all exited 0.</summary>
    private static async Task SlurmAsync(string script, string folder, int tasks, Dictionary<string, string> env, string[] copy, CancellationToken cancellationToken)
    {
        string job = (await RunAsync("sbatch", folder, env, ["--parsable", $"--array=0-{tasks - 1}", $"--cpus-per-task={2 / tasks}", $"--chdir={folder}",
            $"--output={folder}/task-%a.out", script, .. copy], cancellationToken)).Trim().Split(';')[0];
        while (true)
        {
            string[] states = [.. (await RunAsync("squeue", folder, env, ["-h", "-j", job, "-o", "%T"], cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
            if (states.Length == 0) break;
            await Task.Delay(100, cancellationToken);
        }

        string finished = await RunAsync("scontrol", folder, env, ["show", "job", "-o", job], cancellationToken);
        if (finished.Split('\n', StringSplitOptions.RemoveEmptyEntries).Any(l => !l.Contains("JobState=COMPLETED", StringComparison.Ordinal)))
            throw new InvalidOperationException($"Slurm job {job} did not complete:\n{finished}");
    }

    /// <summary>
    /// One task started directly, in a session of its own (<c>setsid -w</c>) as Slurm starts each task: with the
    /// kernel's autogroup scheduling a session is what shares the CPU, so tasks started as children of this process
    /// would get less CPU than Slurm's on a busy machine, and the comparison would measure that instead.
    /// </summary>
    private static Task<string> DirectAsync(string bronze, string folder, Dictionary<string, string> env, string[] copy, string output, CancellationToken cancellationToken) =>
        RunAsync("setsid", folder, env, ["-w", bronze, "copy", .. copy], cancellationToken, output);

    /// <summary>XDR bytes the tasks read, summed from their JSON summaries.</summary>
    private static long SourceBytes(string folder, int tasks) => Enumerable.Range(0, tasks).Sum(i => File.ReadAllLines(Path.Join(folder, $"task-{i}.out"))
        .Where(l => l.StartsWith("{\"type\":\"summary\"", StringComparison.Ordinal)).Sum(l => (long)JsonNode.Parse(l)!["source_bytes"]!));

    private static async Task<string> RunAsync(
        string command, string folder, Dictionary<string, string>? env, string[] arguments, CancellationToken cancellationToken, string? outputFile = null)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach ((string key, string value) in env ?? []) start.Environment[key] = value;
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} exited {process.ExitCode}: {await error}");
        if (outputFile is not null) await File.WriteAllTextAsync(outputFile, await output, cancellationToken);
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Join(folder.FullName, "Bronze.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No Bronze.sln above {AppContext.BaseDirectory}.");
    }
}
