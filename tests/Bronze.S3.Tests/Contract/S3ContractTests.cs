using Bronze.S3.Tests.Support;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.S3.Tests.Contract;

/// <summary>
/// The shared store contract on one S3 server: a fresh bucket per test, multipart from 8 MiB with 5 MiB parts so
/// that the contract's large object goes through the multipart path wherever it is enabled.
/// </summary>
public abstract class S3ContractTests : ObjectStoreContractTests
{
    private string? _bucket;

    /// <summary>The server under test (skips, or fails under CI, when it is not running).</summary>
    protected abstract S3Server Server { get; }

    /// <inheritdoc />
    protected override int LargeObjectSize => (9 << 20) + 123;

    /// <inheritdoc />
    protected override async ValueTask<IObjectStore> CreateStoreAsync()
    {
        _bucket = await Server.CreateBucketAsync(Ct);
        return new S3Store(Server.Options(_bucket) with
        {
            MultipartThreshold = 8 << 20,
            PartSize = 5 << 20,
            MaxParallelParts = 2,
            MemoryBufferSize = 1 << 20,
        });
    }

    /// <inheritdoc />
    protected override ValueTask DisposeStoreAsync(IObjectStore store)
    {
        ((S3Store)store).Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task AssertNoTemporaryStateAsync(string key) =>
        Assert.Empty(await Server.OpenUploadsAsync(_bucket!, Ct));
}
