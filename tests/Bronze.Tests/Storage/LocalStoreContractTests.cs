using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Storage;

/// <summary>The store contract on <see cref="LocalStore"/>, each test in a new temp folder.</summary>
public sealed class LocalStoreContractTests : ObjectStoreContractTests
{
    private readonly TempDirectory _root = new();

    protected override ValueTask<IObjectStore> CreateStoreAsync() => ValueTask.FromResult<IObjectStore>(new LocalStore(_root.Path));

    protected override ValueTask DisposeStoreAsync(IObjectStore store)
    {
        _root.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A cancelled or failed put deletes its hidden temp file.</summary>
    protected override Task AssertNoTemporaryStateAsync(string key)
    {
        Assert.Empty(Directory.GetFiles(_root.Path, ".*", SearchOption.AllDirectories));
        return Task.CompletedTask;
    }
}
