using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Tests.Copier;
using Bronze.Verification;

namespace Bronze.Tests.Verification;

/// <summary>
/// Ledgers 0-29 copied as three partitions of 10 into a local store under prefix <c>lake</c> (ledger 0 does not exist,
/// so partition 0-9 holds 9 rows), with ways to break one object as a damaged or forged store would.
/// </summary>
internal sealed class VerifiedDataset : IDisposable
{
    private readonly CopierFixture _fixture = new();

    private VerifiedDataset() => Partitions = new PartitionStore(_fixture.Store, "lake");

    public PartitionStore Partitions { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<VerifiedDataset> CopyAsync()
    {
        var dataset = new VerifiedDataset();
        await dataset._fixture.Copier(CopierFixture.Options(0, 29)).RunAsync(Ct);
        return dataset;
    }

    public static PartitionRef Partition(long start) => CopierFixture.Ledgers.Partition(start, start + 9);

    public static string DataKey(long start) => Partition(start).DataKey("lake");

    public static string ManifestKey(long start) => Partition(start).ManifestKey("lake");

    public string PathOf(string key) => _fixture.PathOf(key);

    public Task<VerificationReport> VerifyAsync(long? start = null, long? end = null, IProgress<PartitionVerification>? progress = null) =>
        new DatasetVerifier(_fixture.Store, new VerificationOptions
        {
            Dataset = CopierFixture.Ledgers,
            Prefix = "lake",
            Start = start,
            End = end,
            PartitionSize = 10,
            Parallelism = 2,
            Progress = progress,
        }).VerifyAsync(Ct);

    public async Task<Manifest> ManifestAsync(long start) => (await Partitions.ReadManifestAsync(Partition(start), Ct))!;

    /// <summary>Replaces the object at <paramref name="key"/>, which the store itself never does.</summary>
    public async Task ReplaceAsync(string key, byte[] bytes)
    {
        File.Delete(PathOf(key));
        await AddAsync(key, bytes);
    }

    public async Task AddAsync(string key, byte[] bytes) => await _fixture.Store.PutIfAbsentAsync(key, new MemoryStream(bytes), Ct);

    public async Task ChangeManifestAsync(long start, Func<Manifest, Manifest> change) =>
        await ReplaceAsync(ManifestKey(start), ManifestSerializer.Serialize(change(await ManifestAsync(start))));

    public void Dispose() => _fixture.Dispose();
}
