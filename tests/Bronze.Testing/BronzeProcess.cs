using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Bronze.Testing;

/// <summary>
/// Runs the bronze CLI as a separate process, the way users run it. The test project references src/Bronze.Cli so that
/// Bronze.Cli.dll is copied next to the tests.
/// </summary>
public sealed class BronzeProcess : IDisposable
{
    private static readonly TimeSpan KillPatience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _firstWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BronzeProcess(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "Bronze.Cli.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (string variable in Variables) start.Environment.Remove(variable);
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_output) _output.AppendLine(e.Data);
            if (e.Data.Contains("\"written\"", StringComparison.Ordinal) || e.Data.StartsWith("written", StringComparison.Ordinal)) _firstWritten.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_error) _error.AppendLine(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The configuration variables bronze reads; removed from the child's environment unless a test sets them.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        "STORAGE_BACKEND", "LOCAL_DIR", "GCS_BUCKET", "S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "STORAGE_PREFIX", "NETWORK", "ERA_ID",
        "VERSION_LABEL", "LEDGER_START", "LEDGER_END", "PARTITION_SIZE", "LEDGER_SOURCE", "NETWORK_PASSPHRASE",
        "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_STEP", "SLURM_ARRAY_TASK_COUNT",
        "JOB_COMPLETION_INDEX", "CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT", "AWS_BATCH_JOB_ARRAY_INDEX", "BRONZE_SHARD_COUNT",
    ];

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public string Error
    {
        get
        {
            lock (_error) return _error.ToString();
        }
    }

    /// <summary>The JSON lines of standard output.</summary>
    public IReadOnlyList<JsonObject> JsonLines => [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];

    /// <summary>Completes when the process reports its first written partition.</summary>
    public Task FirstWritten => _firstWritten.Task;

    public static BronzeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        new(args, workingDirectory, environment);

    public static async Task<BronzeProcess> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, null, args);

    public static async Task<BronzeProcess> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        await RunWithinAsync(Timeout.InfiniteTimeSpan, workingDirectory, environment, args);

    /// <summary>
    /// Runs bronze to its end, or kills it (and its children) when it has not ended within <paramref name="patience"/>
    /// or the test is cancelled, so that a hung command fails its test and leaves no process behind.
    /// </summary>
    /// <exception cref="TimeoutException">It did not end within <paramref name="patience"/>; the message has what it printed.</exception>
    public static async Task<BronzeProcess> RunWithinAsync(TimeSpan patience, string workingDirectory, params string[] args) =>
        await RunWithinAsync(patience, workingDirectory, null, args);

    /// <inheritdoc cref="RunWithinAsync(TimeSpan, string, string[])"/>
    public static async Task<BronzeProcess> RunWithinAsync(
        TimeSpan patience, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        BronzeProcess process = Start(workingDirectory, environment, args);
        try
        {
            await process.WaitAsync().WaitAsync(patience, TestContext.Current.CancellationToken);
            return process;
        }
        catch (Exception timedOutOrCancelled)
        {
            // The caller never gets the process to dispose: kill it here, and wait until it is gone.
            process._process.Kill(entireProcessTree: true);
            process._process.WaitForExit(KillPatience);
            string printed = process.ToString();
            process.Dispose();
            if (timedOutOrCancelled is TimeoutException)
                throw new TimeoutException($"bronze {string.Join(' ', args)} did not end within {patience}; killed. {printed}", timedOutOrCancelled);
            throw;
        }
    }

    public async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        _process.WaitForExit(); // drains the output events
        return _process.ExitCode;
    }

    public int ExitCode => _process.ExitCode;

    public void Kill() => _process.Kill(entireProcessTree: true);

    public override string ToString() => $"exit {(_process.HasExited ? _process.ExitCode : -1)}\nstdout:\n{Output}\nstderr:\n{Error}";

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
