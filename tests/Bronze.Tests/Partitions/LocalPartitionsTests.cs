using Bronze.Layout;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

/// <summary>The base of tests over a <see cref="PartitionStore"/> on a <see cref="LocalStore"/> in a temp folder, removed after each test.</summary>
/// <param name="prefix">The dataset prefix inside the store.</param>
public abstract class LocalPartitionsTests(string prefix) : IDisposable
{
    /// <summary>The table the tests write.</summary>
    protected static readonly DatasetRef Ledgers = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    private readonly TempDirectory _root = new();
    private PartitionStore? _partitions;

    protected PartitionStore Partitions => _partitions ??= new PartitionStore(new LocalStore(_root.Path), prefix);

    protected string Root => _root.Path;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _root.Dispose();
    }
}
