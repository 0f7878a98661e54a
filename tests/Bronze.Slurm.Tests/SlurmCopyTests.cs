using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Bronze.Testing;

namespace Bronze.Slurm.Tests;

/// <summary>
/// Bronze as N tasks of a real batch engine: job arrays on a private Slurm cluster run the documented batch script with
/// the self-contained build, copy to Ceph RGW or a local folder, get killed, requeued and retried on exit 75.
/// </summary>
public sealed class SlurmCopyTests
{
    // 20 partitions of 100 small ledgers: the point is who writes what, not volume.
    private static readonly string[] Twenty = ["--start", "0", "--end", "1999", "--partition-size", "100", "--xdr-mean-bytes", "2048", "--parallel", "1"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 240_000)]
    [InlineData("rgw", 0)]
    [InlineData("local", 1)]
    public async Task JobArray_FourTasks_WriteEachOfTwentyPartitionsOnceAndTheUnionVerifies(string kind, int firstIndex)
    {
        using Arranged run = await Arranged.CreateAsync(kind);
        (SlurmCluster slurm, TempDirectory folder, Destination destination, string bronze) = run;

        string job = await slurm.SubmitAsync(folder.Path, $"{firstIndex}-{firstIndex + 3}", destination.Environment(bronze), ["--dest", destination.Dest, .. Twenty]);
        IReadOnlyList<SlurmTask> tasks = await slurm.WaitAsync(job);

        Assert.All(tasks, t => Assert.True(t is { State: "COMPLETED", ExitCode: "0:0", Restarts: 0 }, t.ToString()));
        var written = new List<long>();
        for (int shard = 0; shard < 4; shard++)
        {
            TaskOutput output = TaskOutput.Read(folder.Path, firstIndex + shard);
            JsonObject summary = output.Summary(0) ?? throw new Xunit.Sdk.XunitException(output.Text);
            Assert.Equal((shard, 4, 5, 5, 0), ((int)summary["shard_index"]!, (int)summary["shard_count"]!, (int)summary["partitions"]!, (int)summary["written"]!, (int)summary["skipped"]!));
            // No task touched another's share: every partition it planned or wrote is k mod 4 = its shard.
            Assert.All(output.Attempts[0].Where(l => (string?)l["type"] == "partition"), l => Assert.Equal(shard, (long)l["start"]! / 100 % 4));
            written.AddRange(output.Starts(0, "written"));
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(k => k * 100L), written.Order());
        Assert.Equal(40, (await destination.KeysAsync()).Count);
        await AssertVerifiesAsync(bronze, destination, "1999");
    }

    [Fact(Timeout = 240_000)]
    public async Task JobArray_TaskKilledMidPartitionThenRequeued_EndsCompleteWithNothingWrittenTwice()
    {
        using Arranged run = await Arranged.CreateAsync("rgw");
        (SlurmCluster slurm, TempDirectory folder, Destination destination, string bronze) = run;
        // 4 partitions of 4,000 ledgers (about 64 MiB of XDR each), 2 per task: long enough to be killed inside one.
        string[] range = ["--start", "0", "--end", "15999", "--partition-size", "4000", "--xdr-mean-bytes", "16384", "--parallel", "1"];

        string job = await slurm.SubmitAsync(folder.Path, "0-1", destination.Environment(bronze), ["--dest", destination.Dest, .. range]);
        int pid = await BronzeOfTaskAfterFirstWriteAsync(folder.Path, job, bronze);
        Process.GetProcessById(pid).Kill(); // SIGKILL: no cleanup, mid-way through its second partition
        await slurm.WaitAsync(job, tasks => tasks.Any(t => t.ArrayTaskId == "0" && t.State == "FAILED"));
        await slurm.RequeueAsync(job, "0");
        IReadOnlyList<SlurmTask> tasks = await slurm.WaitAsync(job);

        SlurmTask killed = tasks.Single(t => t.ArrayTaskId == "0");
        Assert.True(killed is { State: "COMPLETED", ExitCode: "0:0", Restarts: 1 }, killed.ToString());
        TaskOutput output = TaskOutput.Read(folder.Path, 0);
        Assert.Equal(2, output.Attempts.Count);
        Assert.Null(output.Summary(0)); // the first attempt died before its end
        Assert.Equal([0L], output.Starts(0, "written"));
        JsonObject second = output.Summary(1) ?? throw new Xunit.Sdk.XunitException(output.Text);
        Assert.Equal((0, 2, 1), ((int)second["exit_code"]!, (int)second["partitions"]!, (int)second["skipped"]!));
        Assert.Equal([0L], output.Starts(1, "skipped"));
        Assert.Equal([8000L], output.Starts(1, "written").Concat(output.Starts(1, "healed")));
        // Exactly the 4 partitions' data files and manifests: no partial object, nothing stored twice.
        List<string> keys = await destination.KeysAsync();
        Assert.Equal(8, keys.Count);
        Assert.Equal(8, keys.Distinct().Count());
        await AssertVerifiesAsync(bronze, destination, "15999", "4000");
    }

    [Fact(Timeout = 240_000)]
    public async Task JobArray_StoreDownForTheFirstAttempt_Exits75AndRequeueExitRerunsItToSuccess()
    {
        using Arranged run = await Arranged.CreateAsync("rgw");
        (SlurmCluster slurm, TempDirectory folder, Destination rgw, string bronze) = run;
        await using var gate = new TcpGate(rgw.Endpoint!);
        string dest = rgw.Through(gate);

        string job = await slurm.SubmitAsync(folder.Path, "0-0", rgw.Environment(bronze), ["--dest", dest, .. Twenty]);
        // The task fails while the store is down, exits 75, and Slurm requeues it (RequeueExit=75); the store comes back
        // while it waits to run again.
        await slurm.WaitAsync(job, tasks => tasks.Single().Restarts >= 1);
        gate.Open();
        SlurmTask task = (await slurm.WaitAsync(job)).Single();

        Assert.True(task is { State: "COMPLETED", ExitCode: "0:0", Restarts: 1 }, task.ToString());
        TaskOutput output = TaskOutput.Read(folder.Path, 0);
        Assert.True(gate.Refused > 0);
        // The first attempt stops at its first request (the listing of the dataset) with an error line, exit 75.
        Assert.True((int?)output.Outcome(0)?["exit_code"] == 75 && !output.Starts(0, "written").Any(), output.Text);
        Assert.Equal((0, 20), ((int)output.Summary(1)!["exit_code"]!, (int)output.Summary(1)!["written"]!));
        await AssertVerifiesAsync(bronze, rgw, "1999");
    }

    [Fact(Timeout = 240_000)]
    public async Task JobArray_StillTransientAtTheRestartCap_ExitsOneAndIsNotRequeued()
    {
        using Arranged run = await Arranged.CreateAsync("rgw");
        (SlurmCluster slurm, TempDirectory folder, Destination rgw, string bronze) = run;
        await using var gate = new TcpGate(rgw.Endpoint!);
        string dest = rgw.Through(gate);
        var environment = new Dictionary<string, string>(rgw.Environment(bronze)) { ["BRONZE_MAX_RESTARTS"] = "0" };

        string job = await slurm.SubmitAsync(folder.Path, "0-0", environment, ["--dest", dest, .. Twenty]);
        SlurmTask task = (await slurm.WaitAsync(job)).Single();

        Assert.True(task is { State: "FAILED", ExitCode: "1:0", Restarts: 0 }, task.ToString());
        TaskOutput output = TaskOutput.Read(folder.Path, 0);
        Assert.True((int?)output.Outcome(0)?["exit_code"] == 75, output.Text);
        Assert.Contains("giving up (exit 1)", output.Text, StringComparison.Ordinal);
    }

    /// <summary>Waits for task 0's first written partition and returns its bronze process (found by its job id).</summary>
    private static async Task<int> BronzeOfTaskAfterFirstWriteAsync(string folder, string job, string bronze)
    {
        string output = Path.Join(folder, "task-0.out");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (File.Exists(output) && (await File.ReadAllTextAsync(output, Token)).Contains("\"event\":\"written\"", StringComparison.Ordinal))
            {
                foreach (string proc in Directory.EnumerateDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(proc), out int pid)) continue;
                    try
                    {
                        if (new FileInfo(Path.Join(proc, "exe")).LinkTarget != bronze) continue;
                        string[] variables = (await File.ReadAllTextAsync(Path.Join(proc, "environ"), Token)).Split('\0');
                        if (variables.Contains($"SLURM_ARRAY_JOB_ID={job}") && variables.Contains("SLURM_ARRAY_TASK_ID=0")) return pid;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // the process ended while we looked
                    }
                }
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException("Task 0 wrote no partition within 2 minutes, or its bronze process was not found.");
    }

    private static async Task AssertVerifiesAsync(string bronze, Destination destination, string end, string size = "100")
    {
        var start = new ProcessStartInfo(bronze) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "verify", "--dest", destination.Dest, "--start", "0", "--end", end, "--partition-size", size }) start.ArgumentList.Add(argument);
        foreach ((string key, string value) in destination.Environment(bronze)) start.Environment[key] = value;
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(Token);
        string error = await process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        Assert.True(process.ExitCode == 0, $"verify exited {process.ExitCode}:\n{await output}\n{error}");
        Assert.Contains(", 0 failed", await output, StringComparison.Ordinal);
    }

    /// <summary>What every test starts from: the cluster, a temp folder, a destination in it or on RGW, the binary.</summary>
    private sealed record Arranged(SlurmCluster Slurm, TempDirectory Folder, Destination Destination, string Bronze) : IDisposable
    {
        public static async Task<Arranged> CreateAsync(string kind)
        {
            SlurmCluster slurm = SlurmCluster.Require();
            var folder = new TempDirectory();
            return new Arranged(slurm, folder, await Destination.CreateAsync(kind, folder.Path), await PublishedBronze.PathAsync());
        }

        public void Dispose() => Folder.Dispose();
    }

    /// <summary>Where a test's tasks copy to: a fresh RGW bucket or a local folder, and how to list what is there.</summary>
    private sealed record Destination(string Dest, Uri? Endpoint, BasicAWSCredentials? Keys, string? Bucket, string? Folder)
    {
        public static async Task<Destination> CreateAsync(string kind, string folder)
        {
            if (kind == "local") return new Destination(Path.Join(folder, "out"), null, null, null, Path.Join(folder, "out"));
            var endpoint = new Uri(TestServer.Require("BRONZE_TEST_S3_RGW_ENDPOINT", "Ceph RGW"));
            var keys = new BasicAWSCredentials(
                TestServer.Require("BRONZE_TEST_S3_RGW_ACCESS_KEY", "Ceph RGW (its access key)"), TestServer.Require("BRONZE_TEST_S3_RGW_SECRET_KEY", "Ceph RGW (its secret key)"));
            string bucket = "bronze-slurm-" + Guid.NewGuid().ToString("N")[..12];
            using AmazonS3Client client = Client(endpoint, keys);
            await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, Token);
            return new Destination($"s3://{bucket}/lake?endpoint={endpoint.ToString().TrimEnd('/')}&region=us-east-1", endpoint, keys, bucket, null);
        }

        /// <summary>The RGW destination reached through <paramref name="gate"/>, with no retries inside the store.</summary>
        public string Through(TcpGate gate) =>
            Dest.Replace(Endpoint!.ToString().TrimEnd('/'), gate.Endpoint.ToString().TrimEnd('/'), StringComparison.Ordinal) + "&max-retries=0";

        /// <summary>What the tasks need: the binary, and the store's keys.</summary>
        public IReadOnlyDictionary<string, string> Environment(string bronze)
        {
            var variables = new Dictionary<string, string> { ["BRONZE"] = bronze };
            if (Keys is not null)
            {
                ImmutableCredentials keys = Keys.GetCredentials();
                variables["AWS_ACCESS_KEY_ID"] = keys.AccessKey;
                variables["AWS_SECRET_ACCESS_KEY"] = keys.SecretKey;
            }

            return variables;
        }

        /// <summary>Every object (or file, temp files included) under the destination.</summary>
        public async Task<List<string>> KeysAsync()
        {
            if (Folder is not null) return [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f))];
            using AmazonS3Client client = Client(Endpoint!, Keys!);
            ListObjectsV2Response response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }, Token);
            return [.. (response.S3Objects ?? []).Select(o => o.Key)];
        }

        private static AmazonS3Client Client(Uri endpoint, BasicAWSCredentials keys) => new(keys, new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }
}
