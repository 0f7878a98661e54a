using Bronze.Gcs.Tests.Emulator;
using Bronze.Testing;
using Bronze.Testing.Galexie;

namespace Bronze.Gcs.Tests.Galexie;

/// <summary><c>bronze copy --source gs://...</c> and <c>bronze lake</c> on lakes of real ledgers uploaded to the emulator.</summary>
public sealed class EmulatorLakeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory(Timeout = 300_000)]
    [InlineData(1u, 4u, "zst")]
    [InlineData(2u, 1u, "zstd")]
    public async Task Copy_LakeOnEmulator_WritesTheSameFilesAsFromLocalDisk(uint ledgersPerBatch, uint batchesPerPartition, string extension)
    {
        RealLedgers.Require();
        Uri endpoint = GcsEmulator.Endpoint();
        using var folder = new TempDirectory();
        string lake = Path.Join(folder.Path, "lake");
        await TestLakes.StandaloneV25Async(lake, ledgersPerBatch, batchesPerPartition, extension);
        string bucket = await UploadAsync(endpoint, lake, "galexie/lake");

        (int localExit, string localOutput) = await RunAsync(endpoint, folder.Path, LakeCopies.StandaloneArgs("lake", "local"));
        (int gcsExit, string gcsOutput) = await RunAsync(endpoint, folder.Path, LakeCopies.StandaloneArgs($"gs://{bucket}/galexie/lake", "remote"));
        (int lakeExit, string lakeOutput) = await RunAsync(endpoint, folder.Path, ["lake", "--source", $"gs://{bucket}/galexie/lake"]);

        Assert.True(localExit == 0, localOutput);
        Assert.True(gcsExit == 0, gcsOutput);
        SortedDictionary<string, string> local = LakeCopies.ParquetDigests(Path.Join(folder.Path, "local"));
        Assert.Equal(2, local.Count);
        Assert.Equal(local, LakeCopies.ParquetDigests(Path.Join(folder.Path, "remote")));
        Assert.True(lakeExit == 0, lakeOutput);
        Assert.Contains("ledgers     10048 to 10077", lakeOutput, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task Copy_EmulatorPrefixWithoutLake_Exits2NamingTheSource()
    {
        Uri endpoint = GcsEmulator.Endpoint();
        using var folder = new TempDirectory();
        string bucket = "lake-" + Guid.NewGuid().ToString("N")[..20];

        (int exit, string output) = await RunAsync(endpoint, folder.Path, LakeCopies.StandaloneArgs($"gs://{bucket}/nothing", "out"));

        Assert.True(exit == 2, output);
        Assert.Contains("--source: gs://" + bucket + "/nothing is not a galexie lake", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(folder.Path, "out")));
    }

    /// <summary>Uploads a local lake, .config.json included (no store writes hidden keys), with the JSON API's media upload.</summary>
    private static async Task<string> UploadAsync(Uri endpoint, string lake, string prefix)
    {
        string bucket = "lake-" + Guid.NewGuid().ToString("N")[..20];
        using var http = new HttpClient();
        foreach ((string key, string path) in LakeCopies.Files(lake))
        {
            var upload = new Uri(endpoint, $"upload/storage/v1/b/{bucket}/o?uploadType=media&name={Uri.EscapeDataString(prefix + "/" + key)}");
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path, Token));
            using HttpResponseMessage response = await http.PostAsync(upload, content, Token);
            response.EnsureSuccessStatusCode();
        }

        return bucket;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(Uri endpoint, string directory, string[] args)
    {
        var environment = new Dictionary<string, string> { ["STORAGE_EMULATOR_HOST"] = endpoint.GetLeftPart(UriPartial.Authority) };
        using BronzeProcess process = await BronzeProcess.RunAsync(directory, environment, args);
        return (process.ExitCode, process.Output + process.Error);
    }
}
