using System.Diagnostics;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Bronze.S3;
using Bronze.Storage;

namespace Bronze.Benchmarks.S3;

/// <summary>
/// Put of a 256 MiB Parquet-sized file to Ceph RGW on loopback with <see cref="S3Store"/> (defaults for a custom
/// endpoint: one conditional PutObject with Content-MD5 and a signed payload), against <c>aws s3 cp</c> of the same
/// file to the same server (multipart, 8 MiB parts, 10 at a time), alternating round by round in the same run.
/// </summary>
public sealed class S3PutRun : IThroughputRun
{
    private const string EndpointVariable = "BRONZE_TEST_S3_RGW_ENDPOINT";

    /// <inheritdoc/>
    public string Name => "s3-put";

    /// <inheritdoc/>
    public string Description => "S3Store put of a 256 MiB file to Ceph RGW vs `aws s3 cp` of the same file, MiB/s and ratio";

    /// <inheritdoc/>
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        string? endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        string? access = Environment.GetEnvironmentVariable("BRONZE_TEST_S3_RGW_ACCESS_KEY");
        string? secret = Environment.GetEnvironmentVariable("BRONZE_TEST_S3_RGW_SECRET_KEY");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(access) || string.IsNullOrEmpty(secret))
        {
            Console.WriteLine($"s3-put needs Ceph RGW: {EndpointVariable} (and its keys) is not set. Start it with "
                + "test-servers/ceph/start.sh (./test.sh does) and source the env file it writes.");
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            return quick && !ci ? 0 : 2;
        }

        long size = quick ? 8L << 20 : 256L << 20;
        int rounds = quick ? 1 : 3;
        var credentials = new BasicAWSCredentials(access, secret);
        string bucket = await CreateBucketAsync(new Uri(endpoint), credentials, cancellationToken);
        string file = Path.Combine(Path.GetTempPath(), $"bronze-s3-put-{Guid.NewGuid():N}.parquet");
        try
        {
            WriteParquetSizedFile(file, size);
            var options = new S3StoreOptions { Bucket = bucket, ServiceUrl = new Uri(endpoint), Credentials = credentials };
            Console.WriteLine($"{size >> 20} MiB file, {rounds} round(s) each, alternating; RGW at {endpoint}; MiB = 2^20 bytes");
            Console.WriteLine($"{"round",5} {"S3Store MiB/s",14} {"aws s3 cp MiB/s",16} {"hash only MiB/s",16}");
            double bronzeSeconds = 0, awsSeconds = 0;
            for (int round = 1; round <= rounds; round++)
            {
                double hash = Time(() => HashOnly(file));
                double bronze = await TimeAsync(() => PutAsync(options, $"bronze/{round}.parquet", file, cancellationToken));
                double aws = await TimeAsync(() => AwsCopyAsync(endpoint, access, secret, file, $"s3://{bucket}/aws/{round}.parquet", cancellationToken));
                bronzeSeconds += bronze;
                awsSeconds += aws;
                Console.WriteLine($"{round,5} {Rate(size, bronze),14:F0} {Rate(size, aws),16:F0} {Rate(size, hash),16:F0}");
            }

            double ratio = awsSeconds / bronzeSeconds;
            Console.WriteLine($"S3Store {Rate(size * rounds, bronzeSeconds):F0} MiB/s, aws s3 cp {Rate(size * rounds, awsSeconds):F0} MiB/s: {ratio:F2}x");
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task PutAsync(S3StoreOptions options, string key, string file, CancellationToken cancellationToken)
    {
        using var store = new S3Store(options);
        PutResult result = await store.PutFileIfAbsentAsync(key, file, cancellationToken);
        if (!result.Created) throw new InvalidOperationException($"S3Store did not create {key}: {result.Outcome}.");
    }

    private static async Task AwsCopyAsync(string endpoint, string access, string secret, string file, string target, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("aws", ["--endpoint-url", endpoint, "s3", "cp", "--only-show-errors", file, target])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["AWS_ACCESS_KEY_ID"] = access;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secret;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start.");
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"aws s3 cp failed ({process.ExitCode}): {await errors}");
    }

    private static async Task<string> CreateBucketAsync(Uri endpoint, AWSCredentials credentials, CancellationToken cancellationToken)
    {
        string bucket = "bronze-bench-" + Guid.NewGuid().ToString("N")[..12];
        using var client = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        });
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        return bucket;
    }

    /// <summary>
    /// Incompressible bytes between Parquet's magic numbers: a compressed Parquet file looks like this to a store,
    /// which never reads inside it.
    /// </summary>
    private static void WriteParquetSizedFile(string path, long size)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var random = new Random(42);
        byte[] chunk = new byte[1 << 20];
        for (long written = 0; written < size; written += chunk.Length)
        {
            random.NextBytes(chunk);
            if (written == 0) "PAR1"u8.CopyTo(chunk);
            if (written + chunk.Length >= size) "PAR1"u8.CopyTo(chunk.AsSpan(chunk.Length - 4));
            file.Write(chunk);
        }
    }

    /// <summary>MD5 and sha256 of the file, what the store computes before it sends a byte.</summary>
    private static void HashOnly(string file)
    {
        using var stream = File.OpenRead(file);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] chunk = new byte[1 << 20];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            md5.AppendData(chunk, 0, read);
            sha256.AppendData(chunk, 0, read);
        }
    }

    private static double Rate(long bytes, double seconds) => bytes / seconds / (1 << 20);

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }
}
