using System.Diagnostics;
using Bronze.Gcs;
using Bronze.Gcs.Hashing;
using Bronze.Storage;
using Google.Apis.Services;
using Google.Apis.Storage.v1;
using Google.Cloud.Storage.V1;

namespace Bronze.Benchmarks.Gcs;

/// <summary>
/// <c>gcs-put</c>: GcsStore.PutFileIfAbsentAsync of a 256 MiB file to the Cloud Storage emulator, against a plain
/// HttpClient resumable upload of the same file and the official client's own upload (its crc32c on), to the same
/// emulator in the same run. The emulator (one node process that hashes every chunk and the stored object) is the
/// limit, so the ratios are what matter.
/// </summary>
public sealed class GcsPutRun : IThroughputRun
{
    private const string Bucket = "bronze-bench";

    /// <inheritdoc/>
    public string Name => "gcs-put";

    /// <inheritdoc/>
    public string Description => "GcsStore put of a 256 MiB file to the GCS emulator vs plain HttpClient and official-client uploads";

    /// <inheritdoc/>
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        string? endpoint = Environment.GetEnvironmentVariable("BRONZE_TEST_GCS_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
        {
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            Console.WriteLine($"gcs-put: {(ci ? "FAILED" : "skipped")}: BRONZE_TEST_GCS_ENDPOINT is not set (test-servers/gcs/start.sh sets it).");
            return ci ? 1 : 0;
        }

        int size = quick ? 8 << 20 : 256 << 20;
        int runs = quick ? 1 : 3;
        var options = new GcsStoreOptions { Bucket = Bucket, Root = "bench-" + Guid.NewGuid().ToString("N"), Endpoint = new Uri(endpoint.TrimEnd('/') + "/"), Anonymous = true };
        string path = Path.Join(Path.GetTempPath(), "bronze-gcs-put-" + Guid.NewGuid().ToString("N"));
        try
        {
            await WriteFileAsync(path, size, cancellationToken);
            using var store = new GcsStore(options);
            using var http = new HttpClient { BaseAddress = options.Endpoint, Timeout = TimeSpan.FromMinutes(5) };
            var plain = new PlainResumableUpload(http, Bucket, options.ChunkSize);
            // Not StorageClientBuilder: it gzips request bodies (its GZipEnabled is internal), which the emulator cannot read.
            using StorageClient official = new StorageClientImpl(new StorageService(new BaseClientService.Initializer
            {
                BaseUri = options.Endpoint + "storage/v1/",
                GZipEnabled = false,
                ApplicationName = "bronze-bench",
            }));
            var plainTimes = new List<double>();
            var storeTimes = new List<double>();
            var officialTimes = new List<double>();
            var hashTimes = new List<double>();
            for (int run = 0; run < runs; run++)
            {
                // Alternate, so that drift in the machine's load hits both sides alike.
                plainTimes.Add(await TimeAsync(() => plain.UploadAsync($"{options.Root}/plain-{run}", path, cancellationToken)));
                storeTimes.Add(await TimeAsync(async () =>
                {
                    PutResult result = await store.PutFileIfAbsentAsync($"store-{run}", path, cancellationToken);
                    if (!result.Created || result.Size != size) throw new InvalidOperationException($"Unexpected put result {result}.");
                    return result.Size;
                }));
                officialTimes.Add(await TimeAsync(() => UploadWithOfficialClientAsync(official, $"{options.Root}/official-{run}", path, options.ChunkSize, cancellationToken)));
                hashTimes.Add(await TimeAsync(() => HashFileAsync(path, cancellationToken)));
            }

            double plainSeconds = Median(plainTimes);
            double storeSeconds = Median(storeTimes);
            double officialSeconds = Median(officialTimes);
            double hashSeconds = Median(hashTimes);
            double mib = size / (1024.0 * 1024.0);
            Console.WriteLine($"gcs-put: {mib:F0} MiB file, chunks of {options.ChunkSize >> 20} MiB, {options.Endpoint}, median of {runs} run(s) each");
            Console.WriteLine($"  plain HttpClient resumable upload : {plainSeconds,7:F2} s  {mib / plainSeconds,7:F1} MiB/s");
            Console.WriteLine($"  GcsStore.PutFileIfAbsentAsync     : {storeSeconds,7:F2} s  {mib / storeSeconds,7:F1} MiB/s");
            Console.WriteLine($"  StorageClient.UploadObjectAsync   : {officialSeconds,7:F2} s  {mib / officialSeconds,7:F1} MiB/s");
            Console.WriteLine($"  client hashing alone (sha256+crc32c): {hashSeconds,6:F2} s  {mib / hashSeconds,7:F1} MiB/s");
            Console.WriteLine($"  ratio (GcsStore / plain, throughput): {plainSeconds / storeSeconds:F2}");
            Console.WriteLine($"  ratio (StorageClient / plain, throughput): {plainSeconds / officialSeconds:F2}");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WriteFileAsync(string path, int size, CancellationToken cancellationToken)
    {
        byte[] block = new byte[1 << 20];
        var random = new Random(256);
        await using FileStream file = File.Create(path);
        for (int written = 0; written < size; written += block.Length)
        {
            random.NextBytes(block);
            await file.WriteAsync(block.AsMemory(0, Math.Min(block.Length, size - written)), cancellationToken);
        }
    }

    /// <summary>
    /// The official client's own put-if-absent, as an application would write it: <c>ifGenerationMatch=0</c>, the same
    /// chunk size, and its default validation (its crc32c of the bytes as it reads them, sent with the final chunk).
    /// </summary>
    private static async Task<long> UploadWithOfficialClientAsync(StorageClient client, string name, string path, int chunkSize, CancellationToken cancellationToken)
    {
        await using FileStream file = File.OpenRead(path);
        var options = new UploadObjectOptions { IfGenerationMatch = 0, ChunkSize = chunkSize };
        Google.Apis.Storage.v1.Data.Object stored = await client.UploadObjectAsync(Bucket, name, "application/octet-stream", file, options, cancellationToken);
        return (long)(stored.Size ?? 0);
    }

    /// <summary>What the store computes on top of the plain upload: sha256 and crc32c of every byte.</summary>
    private static async Task<long> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        using var sha256 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        byte[] buffer = new byte[1 << 20];
        uint crc = Crc32C.Initial;
        long total = 0;
        await using FileStream file = File.OpenRead(path);
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha256.AppendData(buffer.AsSpan(0, read));
            crc = Crc32C.Append(crc, buffer.AsSpan(0, read));
            total += read;
        }

        _ = sha256.GetHashAndReset();
        _ = Crc32C.Finish(crc);
        return total;
    }

    private static async Task<double> TimeAsync(Func<Task<long>> action)
    {
        long start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
