using Bronze.Storage;
using Bronze.Testing.Galexie;

namespace Bronze.Testing;

/// <summary>
/// The end-to-end command-line scenario every store runs, as users run <c>bronze</c> (a separate process): copy, copy
/// again, verify, ls, dry-run, inspect, a galexie lake in the store as the source (<c>copy</c>, <c>lake</c>), and the
/// dataset prefix from STORAGE_PREFIX, which a source never takes. Derive
/// once per store and server, as for <see cref="ObjectStoreContractTests"/>: a store is done when it passes the same
/// scenario as the others.
/// </summary>
public abstract class CliStoreScenarioTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    /// <summary>The running test's cancellation token.</summary>
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A local folder for the test (working directory of every run, and a local destination).</summary>
    protected string Folder => _folder.Path;

    /// <summary>
    /// The query every URL of this store carries (S3: <c>?endpoint=...&amp;region=...</c>), or empty. It follows the
    /// store's location and an object's URL alike.
    /// </summary>
    protected virtual string Query => "";

    /// <summary>The variables the CLI runs with (credentials, an emulator's address).</summary>
    protected virtual IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>();

    /// <summary>Creates a fresh, empty store and returns its location without query: a new bucket, or a new folder.</summary>
    protected abstract Task<string> CreateStoreAsync();

    /// <summary>Opens the store at <paramref name="location"/> (a store's location plus a path) without the CLI, to check what it wrote.</summary>
    /// <param name="location">The location, without query.</param>
    protected abstract IObjectStore OpenStore(string location);

    /// <summary>Writes a file at <paramref name="key"/> of the store at <paramref name="location"/> as a galexie writer would (hidden names included).</summary>
    /// <param name="location">The store's location, without query.</param>
    /// <param name="key">The object's key there.</param>
    /// <param name="path">The local file to upload.</param>
    protected abstract Task UploadAsync(string location, string key, string path);

    [Fact(Timeout = 300_000)]
    public async Task CopyThenVerify_FreshStore_WritesEveryPartitionOnceAndVerifies()
    {
        string dest = await CreateStoreAsync() + "/lake";
        string[] range = ["--start", "0", "--end", "299", "--partition-size", "100"];

        (int copyExit, string copyOutput) = await RunAsync(["copy", "--dest", dest + Query, .. range, "--xdr-mean-bytes", "16384"]);
        (int againExit, string againOutput) = await RunAsync(["copy", "--dest", dest + Query, .. range, "--xdr-mean-bytes", "16384"]);
        (int verifyExit, string verifyOutput) = await RunAsync(["verify", "--dest", dest + Query, .. range]);
        (int lsExit, string lsOutput) = await RunAsync(["ls", "--dest", dest + Query]);

        Assert.True(copyExit == 0, copyOutput);
        Assert.Contains("3 written", copyOutput, StringComparison.Ordinal);
        Assert.True(againExit == 0, againOutput);
        Assert.Contains("3 skipped", againOutput, StringComparison.Ordinal);
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("Verified. 3 partitions, 0 failed", verifyOutput, StringComparison.Ordinal);
        Assert.True(lsExit == 0, lsOutput);
        Assert.Contains("3 partitions, 299 rows", lsOutput, StringComparison.Ordinal);
        List<string> keys = await KeysAsync(dest);
        Assert.Equal(6, keys.Count);
        Assert.Contains("pubnet/pre_p23/v1/ledgers_lcm_raw/range=100-199/part-100-199.parquet", keys);
        Assert.Contains("pubnet/pre_p23/v1/ledgers_lcm_raw/range=200-299/_manifest.json", keys);
    }

    [Fact(Timeout = 300_000)]
    public async Task DryRun_FreshStore_WritesNothing()
    {
        string store = await CreateStoreAsync();

        (int exit, string output) = await RunAsync(["copy", "--dest", store + "/lake" + Query, "--start", "0", "--end", "199", "--partition-size", "100", "--dry-run"]);

        Assert.True(exit == 0, output);
        Assert.Contains("range=100-199/part-100-199.parquet", output, StringComparison.Ordinal);
        Assert.Empty(await KeysAsync(store));
    }

    [Fact(Timeout = 300_000)]
    public async Task Inspect_StoredObject_ReadsTheFooterOrSaysWhyNot() =>
        await InspectScenario.RunAsync(await CreateStoreAsync() + "/lake", Query, RunAsync);

    [Fact(Timeout = 300_000)]
    public async Task Copy_StoragePrefixWithStoreAtBucketRoot_IsTheDatasetPrefix()
    {
        string store = await CreateStoreAsync();

        (int exit, string output) = await RunAsync(
            ["copy", "--dest", store + Query, "--start", "0", "--end", "99", "--partition-size", "100", "--xdr-mean-bytes", "2048"],
            new Dictionary<string, string> { ["STORAGE_PREFIX"] = "/bronze/" });

        Assert.True(exit == 0, output);
        Assert.Equal(
            ["bronze/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-99/_manifest.json", "bronze/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-99/part-0-99.parquet"],
            await KeysAsync(store));
    }

    [Theory(Timeout = 300_000)]
    [InlineData(1u, 4u, "zst")]
    [InlineData(2u, 1u, "zstd")]
    public async Task Copy_LakeInStore_WritesTheSameFilesAsFromLocalDisk(uint ledgersPerBatch, uint batchesPerPartition, string extension)
    {
        RealLedgers.Require();
        string source = await UploadLakeAsync(ledgersPerBatch, batchesPerPartition, extension, "galexie/lake");

        (int localExit, string localOutput) = await RunAsync(LakeCopies.StandaloneArgs("lake", "local"));
        (int storeExit, string storeOutput) = await RunAsync([.. LakeCopies.StandaloneArgs(source + Query, "remote"), "--reads-in-flight", "8"]);
        (int lakeExit, string lakeOutput) = await RunAsync(["lake", "--source", source + Query]);

        Assert.True(localExit == 0, localOutput);
        Assert.True(storeExit == 0, storeOutput);
        SortedDictionary<string, string> local = LakeCopies.ParquetDigests(Path.Join(Folder, "local"));
        Assert.Equal(2, local.Count); // 10050-10059 and 10060-10069
        Assert.Equal(local, LakeCopies.ParquetDigests(Path.Join(Folder, "remote")));
        Assert.True(lakeExit == 0, lakeOutput);
        Assert.Contains("ledgers     10048 to 10077", lakeOutput, StringComparison.Ordinal);
        Assert.Contains($"{ledgersPerBatch} ledgers per batch, {batchesPerPartition} batches per partition", lakeOutput, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task Copy_LakeAtStoreRootWithStoragePrefix_SourceTakesNoDestinationVariable()
    {
        // STORAGE_PREFIX is the destination's dataset prefix: a lake at its store's root must still be found there.
        RealLedgers.Require();
        string source = await UploadLakeAsync(2, 4, "zst", "");

        (int exit, string output) = await RunAsync(
            LakeCopies.StandaloneArgs(source + Query, "out", 10_050, 10_059), new Dictionary<string, string> { ["STORAGE_PREFIX"] = "bronze" });

        Assert.True(exit == 0, output);
        Assert.Single(LakeCopies.ParquetDigests(Path.Join(Folder, "out", "bronze")));
    }

    [Fact(Timeout = 300_000)]
    public async Task Copy_SourceWithoutLake_Exits2NamingTheSourceAndWritesNothing()
    {
        string source = await CreateStoreAsync() + "/nothing";

        (int exit, string output) = await RunAsync(LakeCopies.StandaloneArgs(source + Query, "out"));

        Assert.True(exit == 2, output);
        Assert.Contains("--source: " + StoreLocationOf(source) + " is not a galexie lake", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(Folder, "out")));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the CLI in <see cref="Folder"/> with <see cref="Environment"/> and <paramref name="more"/>; exit code and all output.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="more">More variables for this run.</param>
    protected async Task<(int ExitCode, string Output)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>(Environment);
        foreach ((string name, string value) in more ?? new Dictionary<string, string>()) environment[name] = value;
        using BronzeProcess process = await BronzeProcess.RunAsync(Folder, environment, args);
        return (process.ExitCode, process.Output + process.Error);
    }

    private Task<(int ExitCode, string Output)> RunAsync(string[] args) => RunAsync(args, null);

    /// <summary>How the CLI names a location in messages: a local folder as <c>file://</c> and its path.</summary>
    private static string StoreLocationOf(string location) => location.Contains("://", StringComparison.Ordinal) ? location : "file://" + location;

    /// <summary>Writes the v25 load test's lake locally (<see cref="Folder"/>/lake) and into a new store under <paramref name="root"/>.</summary>
    /// <returns>The lake's location in the store, without query.</returns>
    private async Task<string> UploadLakeAsync(uint ledgersPerBatch, uint batchesPerPartition, string extension, string root)
    {
        string lake = Path.Join(Folder, "lake");
        await TestLakes.StandaloneV25Async(lake, ledgersPerBatch, batchesPerPartition, extension);
        string store = await CreateStoreAsync();
        string location = root.Length == 0 ? store : store + "/" + root;
        foreach ((string key, string path) in LakeCopies.Files(lake)) await UploadAsync(location, key, path);
        return location;
    }

    private async Task<List<string>> KeysAsync(string location)
    {
        IObjectStore store = OpenStore(location);
        try
        {
            return [.. (await store.ListAsync("", Token).ToListAsync(Token)).Select(o => o.Key).Order(StringComparer.Ordinal)];
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
