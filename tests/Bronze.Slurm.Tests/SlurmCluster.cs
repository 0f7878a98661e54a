using System.Diagnostics;
using System.Text.RegularExpressions;
using Bronze.Testing;

namespace Bronze.Slurm.Tests;

/// <summary>
/// The private single-node Slurm cluster test-servers/slurm started (its slurm.conf in BRONZE_TEST_SLURM_CONF): submits
/// job arrays with the documented batch script, and reads task states with <c>scontrol</c> (no accounting database).
/// Skips without the cluster on a developer machine; fails under CI.
/// </summary>
internal sealed partial class SlurmCluster(string configuration)
{
    private static readonly HashSet<string> Finished =
        ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED"];

    /// <summary>The batch script docs/scale-out.md documents, which every test submits.</summary>
    public static string BatchScript => Path.Join(PublishedBronze.RepositoryRoot, "docs", "scale-out", "bronze-copy.sbatch");

    public static SlurmCluster Require() => new(TestServer.Require("BRONZE_TEST_SLURM_CONF", "The Slurm test cluster (test-servers/slurm)"));

    /// <summary>
    /// Submits <see cref="BatchScript"/> as an array; each task's output (every attempt, appended) goes to
    /// <c>task-{index}.out</c> in <paramref name="folder"/>. Returns the array's job id.
    /// </summary>
    public async Task<string> SubmitAsync(string folder, string array, IReadOnlyDictionary<string, string> environment, IEnumerable<string> copyArguments)
    {
        string output = await RunAsync(
            "sbatch", environment, ["--parsable", $"--array={array}", $"--chdir={folder}", $"--output={folder}/task-%a.out", "--cpus-per-task=1", BatchScript, .. copyArguments]);
        return output.Trim().Split(';')[0];
    }

    /// <summary>Every task of the array as <c>scontrol show job</c> sees it.</summary>
    public async Task<IReadOnlyList<SlurmTask>> TasksAsync(string jobId)
    {
        string text = await RunAsync("scontrol", null, ["show", "job", "-o", jobId]);
        var tasks = new List<SlurmTask>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Dictionary<string, string> fields = Field().Matches(line).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            tasks.Add(new SlurmTask(fields["JobId"], fields.GetValueOrDefault("ArrayTaskId", ""), fields["JobState"],
                int.Parse(fields.GetValueOrDefault("Restarts", "0"), System.Globalization.CultureInfo.InvariantCulture), fields["ExitCode"]));
        }

        return tasks;
    }

    /// <summary>Waits until every task has finished (a requeued task counts as not finished) and returns them.</summary>
    public async Task<IReadOnlyList<SlurmTask>> WaitAsync(string jobId, Func<IReadOnlyList<SlurmTask>, bool>? until = null)
    {
        until ??= tasks => tasks.All(t => Finished.Contains(t.State) && !t.ArrayTaskId.Contains('-', StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            IReadOnlyList<SlurmTask> tasks = await TasksAsync(jobId);
            if (tasks.Count > 0 && until(tasks)) return tasks;
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
                throw new TimeoutException($"Slurm job {jobId} did not get there in 3 minutes: {string.Join("; ", tasks)}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Requeues one finished or running task (<c>scontrol requeue</c>), as an operator or a node failure would.</summary>
    public Task RequeueAsync(string jobId, string arrayTaskId) => RunAsync("scontrol", null, ["requeue", $"{jobId}_{arrayTaskId}"]);

    private async Task<string> RunAsync(string command, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["SLURM_CONF"] = configuration;
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"(\w+)=(\S*)")]
    private static partial Regex Field();
}
