using Bronze.Galexie;
using Bronze.LakeWriter;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Storage;
using Bronze.Testing;
using Bronze.Testing.Galexie;

namespace Bronze.Tests.Galexie;

/// <summary>A lake built in a temp folder from real ledgers, and reading it back through a LocalStore.</summary>
internal sealed class LakeFixture : IDisposable
{
    public static readonly DatasetRef Testnet = new("testnet", "pre_p23", "v1", "ledgers_lcm_raw");
    public static readonly DatasetRef Standalone = new("standalone", "p23_plus", "v1", "ledgers_lcm_raw");

    private readonly TempDirectory _folder = new();

    public string Root => Path.Join(_folder.Path, "lake");

    public Task<int> WriteAsync(GalexieConfig config, IEnumerable<LedgerXdr> ledgers, string extension = GalexieLayout.Extension) =>
        TestLakes.WriteAsync(Root, config, ledgers, extension);

    public Task<int> WriteTestnetAsync(IEnumerable<LedgerXdr>? ledgers = null, uint batchesPerPartition = 64_000, string extension = GalexieLayout.Extension) =>
        WriteAsync(TestLakes.Config(RealLedgers.TestnetPassphrase, 1, batchesPerPartition), ledgers ?? RealLedgers.Testnet(), extension);

    public string PathOf(string key) => Path.Join(Root, key);

    public async Task<GalexieLedgerSource> SourceAsync(GalexieSourceOptions? options = null) =>
        new(await GalexieLake.OpenAsync(new LocalStore(Root)), options);

    public async Task<List<LedgerRow>> ReadAsync(DatasetRef dataset, long start, long end, GalexieSourceOptions? options = null)
    {
        GalexieLedgerSource source = await SourceAsync(options);
        var rows = new List<LedgerRow>();
        await foreach (LedgerRow row in source.ReadAsync(dataset, start, end)) rows.Add(row);
        return rows;
    }

    public void Dispose() => _folder.Dispose();
}
