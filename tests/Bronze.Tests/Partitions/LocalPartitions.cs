using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

/// <summary>A <see cref="PartitionStore"/> over a <see cref="LocalStore"/> in a temp folder, removed on dispose.</summary>
internal sealed class LocalPartitions : IDisposable
{
    private readonly TempDirectory _root = new();

    public LocalPartitions(string prefix) => Partitions = new PartitionStore(new LocalStore(_root.Path), prefix);

    public PartitionStore Partitions { get; }

    public string Root => _root.Path;

    public void Dispose() => _root.Dispose();
}
