using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Bronze.Benchmarks.Galexie;

/// <summary>
/// <c>lake-copy-s3</c>: <c>bronze copy --source s3://...</c> of a synthetic galexie lake (20,000 ledgers, one per batch
/// file) on Ceph RGW into a local folder, against <c>aws s3 cp --recursive</c> downloading the same lake from the same
/// server, alternating round by round in the same run. Bronze downloads, decompresses, decodes, checks and writes
/// Parquet; aws only downloads.
/// </summary>
public sealed class LakeCopyS3Run : IThroughputRun
{
    private const string EndpointVariable = "BRONZE_TEST_S3_RGW_ENDPOINT";

    /// <inheritdoc/>
    public string Name => "lake-copy-s3";

    /// <inheritdoc/>
    public string Description => "copy from a galexie lake on Ceph RGW (20,000 ledgers) vs `aws s3 cp --recursive` of the same lake (>= 1.0x)";

    /// <inheritdoc/>
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        string? endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        string? access = Environment.GetEnvironmentVariable("BRONZE_TEST_S3_RGW_ACCESS_KEY");
        string? secret = Environment.GetEnvironmentVariable("BRONZE_TEST_S3_RGW_SECRET_KEY");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(access) || string.IsNullOrEmpty(secret))
        {
            Console.WriteLine($"lake-copy-s3 needs Ceph RGW: {EndpointVariable} (and its keys) is not set. Start it with "
                + "test-servers/ceph/start.sh (./test.sh does) and source the env file it writes.");
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            return quick && !ci ? 0 : 2;
        }

        string parent = Environment.GetEnvironmentVariable("BRONZE_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.GetTempPath();
        string folder = Path.Join(parent, "bronze-bench-lake-s3-" + Guid.NewGuid().ToString("N"));
        var keys = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = access, ["AWS_SECRET_ACCESS_KEY"] = secret, ["AWS_DEFAULT_REGION"] = "us-east-1",
        };
        try
        {
            BenchLake lake = await BenchLake.WriteAsync(folder, quick, cancellationToken);
            string bucket = await CreateBucketAsync(new Uri(endpoint), new BasicAWSCredentials(access, secret), cancellationToken);
            double upload = await TimeAsync(() => RunAsync("aws", ["--endpoint-url", endpoint, "s3", "cp", "--recursive", "--only-show-errors", lake.Root, $"s3://{bucket}/lake"], keys, cancellationToken));
            long bytes = Directory.EnumerateFiles(lake.Root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            int files = Directory.EnumerateFiles(lake.Root, "*", SearchOption.AllDirectories).Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lake: {lake.Ledgers} ledgers, {files} objects, {bytes / 1e6:F1} MB on RGW at {endpoint} (uploaded by aws in {upload:F1} s)"));

            string source = $"s3://{bucket}/lake?endpoint={endpoint.TrimEnd('/')}&region=us-east-1";
            string bronze = Path.Join(AppContext.BaseDirectory, "Bronze.Cli.dll");
            int rounds = quick ? 1 : 2;
            double bestBronze = double.MaxValue, bestAws = double.MaxValue;
            Console.WriteLine($"{"round",5} {"bronze copy s",14} {"aws s3 cp s",12}");
            for (int round = 1; round <= rounds; round++)
            {
                double ours = await TimeAsync(() => RunAsync("dotnet", [bronze, .. lake.CopyArgs(source, Path.Join(folder, $"out-{round}"), 2)], keys, cancellationToken));
                double aws = await TimeAsync(() => RunAsync("aws",
                    ["--endpoint-url", endpoint, "s3", "cp", "--recursive", "--only-show-errors", $"s3://{bucket}/lake", Path.Join(folder, $"aws-{round}")], keys, cancellationToken));
                bestBronze = Math.Min(bestBronze, ours);
                bestAws = Math.Min(bestAws, aws);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round,5} {ours,14:F2} {aws,12:F2}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"best: bronze copy {bestBronze:F2} s ({bytes / bestBronze / 1e6:F1} MB/s of lake), aws s3 cp {bestAws:F2} s: {bestAws / bestBronze:F2}x (target >= 1.0x); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(string program, string[] args, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach ((string name, string value) in environment) start.Environment[name] = value;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {args[0]} failed ({process.ExitCode}): {await errors}");
    }

    private static async Task<string> CreateBucketAsync(Uri endpoint, AWSCredentials credentials, CancellationToken cancellationToken)
    {
        string bucket = "bronze-bench-" + Guid.NewGuid().ToString("N")[..12];
        using var client = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        return bucket;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }
}
