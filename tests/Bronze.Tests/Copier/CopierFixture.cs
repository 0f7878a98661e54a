using Bronze.Copier;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Copier;

/// <summary>A LocalStore in a temp folder and small copier options, so copier tests stay fast.</summary>
internal sealed class CopierFixture : IDisposable
{
    public static readonly DatasetRef Ledgers = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    private readonly TempDirectory _folder = new();

    public CopierFixture() => Store = new LocalStore(Path.Join(_folder.Path, "store"));

    public LocalStore Store { get; }

    public string Root => Store.Root;

    public SyntheticLedgerSource Source { get; } = new(new SyntheticLedgerOptions { MeanXdrBytes = 512 });

    public static CopierOptions Options(long start = 0, long end = 29, long partitionSize = 10, IProgress<CopierEvent>? progress = null) => new()
    {
        Dataset = Ledgers,
        Start = start,
        End = end,
        PartitionSize = partitionSize,
        Parallelism = 2,
        Prefix = "lake",
        Progress = progress,
    };

    public LedgerCopier Copier(CopierOptions? options = null, ILedgerSource? source = null, IObjectStore? store = null) =>
        new(store ?? Store, source ?? Source, options ?? Options());

    /// <summary>Every file under the store's root, relative, with its bytes' sha256 (temp files included).</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(Root, path)] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        return files;
    }

    public string PathOf(string key) => Path.Join(Root, key);

    public void Dispose() => _folder.Dispose();
}
