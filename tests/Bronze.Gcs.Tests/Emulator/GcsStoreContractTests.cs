using System.Security.Cryptography;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Gcs.Tests.Emulator;

/// <summary>
/// The store contract on <see cref="GcsStore"/> against the Cloud Storage emulator, each test in a new bucket (the
/// emulator creates buckets on first use) at the bucket's root, so keys of the longest allowed length still fit
/// Cloud Storage's 1,024-byte name limit. Chunks of 1 MiB make the contract's multi-MiB objects resumable uploads
/// in several chunks.
/// </summary>
public sealed class GcsStoreContractTests : ObjectStoreContractTests
{
    private const int ChunkSize = 4 * GcsStoreOptions.ChunkSizeUnit;

    protected override int LargeObjectSize => (6 * ChunkSize) + 123;

    protected override ValueTask<IObjectStore> CreateStoreAsync() => ValueTask.FromResult<IObjectStore>(new GcsStore(new GcsStoreOptions
    {
        Bucket = "c-" + Guid.NewGuid().ToString("N")[..24],
        Endpoint = GcsEmulator.Endpoint(),
        Anonymous = true,
        ChunkSize = ChunkSize,
    }));

    protected override ValueTask DisposeStoreAsync(IObjectStore store)
    {
        ((GcsStore)store).Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PutFileIfAbsentAsync_64MiBInSeventeenChunks_StoresEveryByte()
    {
        using var store = new GcsStore(GcsEmulator.Options(chunkSize: 4 << 20));
        byte[] bytes = TestBytes.Create((64 << 20) + 12_345, seed: 64);
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "big.bin");
        await File.WriteAllBytesAsync(file, bytes, Ct);

        PutResult result = await store.PutFileIfAbsentAsync("big/object.bin", file, Ct);

        Assert.Equal(new PutResult("big/object.bin", PutOutcome.Created, bytes.Length, TestBytes.Sha256(bytes)), result);
        await using Stream stored = await store.OpenReadAsync("big/object.bin", Ct);
        Assert.Equal(TestBytes.Sha256(bytes), Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, Ct)));
    }
}
