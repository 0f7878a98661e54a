using System.Globalization;
using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// The sweep of stale temp files at its bounds (negative age, names that only look like temps), and listing, stat and
/// read under file-system failures.
/// </summary>
public sealed class LocalStoreSweepAndReadFaultTests : IDisposable
{
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task DeleteStaleTempFilesAsync_NegativeAge_ThrowsAndDeletesNothing()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        string temp = Path.Join(store.Root, LocalStore.TempFilePrefix + "live");
        await File.WriteAllBytesAsync(temp, [1], Ct);
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddSeconds(-5));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(-1), Ct));

        Assert.True(File.Exists(temp));
        Assert.Equal(1, await store.DeleteStaleTempFilesAsync(TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task DeleteStaleTempFilesAsync_OnlyOldTempFiles_LeavesObjectsFoldersAndLinksWithTheTempName()
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        string folder = Path.Join(store.Root, "a", LocalStore.TempFilePrefix + "folder");
        string link = Path.Join(store.Root, "a", LocalStore.TempFilePrefix + "link");
        string nested = Path.Join(store.Root, "a", "b", LocalStore.TempFilePrefix + "old");
        string obj = Path.Join(store.Root, "a", "b", "object");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
        await File.WriteAllBytesAsync(nested, [1], Ct);
        await File.WriteAllBytesAsync(obj, [1], Ct);
        File.CreateSymbolicLink(link, obj);
        foreach (string old in (string[])[nested, obj]) File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));

        int deleted = await store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(1), Ct);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(nested));
        Assert.True(File.Exists(obj) && Directory.Exists(folder) && File.Exists(link));
    }

    [Theory]
    [InlineData("Open", "cannot open the root folder for '' in {0}: open failed")]
    [InlineData("ReadDirectory", "cannot sweep stale temp files: dup failed")]
    [InlineData("Unlink", "cannot sweep stale temp files: unlinkat failed")]
    public async Task DeleteStaleTempFilesAsync_CallFails_ThrowsStoreFailureNamingIt(string failing, string message)
    {
        (LocalStore store, FileCallRecorder _) = _stores.NewStore();
        string temp = Path.Join(store.Root, LocalStore.TempFilePrefix + "old");
        await File.WriteAllBytesAsync(temp, [1], Ct);
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddHours(-2));
        FileCallRecorder recorder = Failing(store, failing);

        using (recorder.Arm())
        {
            var error = await Assert.ThrowsAsync<BronzeException>(() => store.DeleteStaleTempFilesAsync(TimeSpan.FromHours(1), Ct));
            Assert.Equal(BronzeErrorKind.StoreFailure, error.Kind);
            Assert.StartsWith("Local store: " + string.Format(CultureInfo.InvariantCulture, message, store.Description), error.Message, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(temp));
    }

    [Theory]
    [InlineData("Open")]
    [InlineData("OpenBeneath")]
    [InlineData("ReadDirectory")]
    [InlineData("Stat")]
    public async Task ReadsAsync_FileCallFails_ThrowStoreFailure(string failing)
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        var reads = new List<Func<Task>> { () => ListAsync(store, "t/") };
        if (failing != "ReadDirectory") reads.AddRange([() => store.StatAsync(Key, Ct), () => store.OpenReadAsync(Key, Ct)]);

        using (Failing(store, failing).Arm())
        {
            foreach (Func<Task> read in reads)
                Assert.Equal(BronzeErrorKind.StoreFailure, (await Assert.ThrowsAsync<BronzeException>(read)).Kind);
        }
    }
}
