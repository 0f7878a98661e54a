using System.Runtime.InteropServices;
using Bronze.Storage;
using Bronze.Storage.Native;
using Microsoft.Win32.SafeHandles;
using static Bronze.Tests.Storage.FaultyStores;

namespace Bronze.Tests.Storage;

/// <summary>
/// The fault seam itself: unarmed it fails nothing, armed it fails exactly what its plan says with the plan's errno,
/// only in the async flow that armed it and only until disarmed, and it sees each call with what the call acts on.
/// A seam that failed calls it should not would fail production I/O; one that missed calls would let fault tests pass
/// without running the error paths they claim to.
/// </summary>
public sealed class FileFaultsTests : IDisposable
{
    private const int EIO = 5;
    private readonly FaultyStores _stores = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores.Dispose();

    [Fact]
    public void Fail_Unarmed_FailsNothing()
    {
        Assert.False(FileFaults.Fail(FileCall.Rename, null, "x"));
    }

    [Fact]
    public void Fail_Armed_FailsWhatThePlanSaysWithItsErrnoUntilDisarmed()
    {
        var seen = new List<(FileCall, string)>();
        using (FileFaults.Arm((call, _, name) =>
               {
                   seen.Add((call, name));
                   return call == FileCall.Fsync ? EIO : 0;
               }))
        {
            Assert.False(FileFaults.Fail(FileCall.Rename, null, "a"));
            Assert.True(FileFaults.Fail(FileCall.Fsync, null, "b"));
            Assert.Equal(EIO, Marshal.GetLastPInvokeError());
        }

        Assert.False(FileFaults.Fail(FileCall.Fsync, null, "c"));
        Assert.Equal([(FileCall.Rename, "a"), (FileCall.Fsync, "b")], seen);
    }

    [Fact]
    public async Task Fail_ArmedInAnotherAsyncFlow_FailsNothingHere()
    {
        using var armed = new SemaphoreSlim(0);
        using var checkedHere = new SemaphoreSlim(0);
        Task other = Task.Run(async () =>
        {
            using (FileFaults.Arm((_, _, _) => EIO))
            {
                armed.Release();
                await checkedHere.WaitAsync(Ct);
                Assert.True(FileFaults.Fail(FileCall.Open, null, "there"));
            }
        }, Ct);

        await armed.WaitAsync(Ct);
        bool failedHere = FileFaults.Fail(FileCall.Open, null, "here");
        checkedHere.Release();
        await other;

        Assert.False(failedHere);
    }

    [Fact]
    public void HoldWrite_Armed_GivesThePlansTaskUntilDisarmed()
    {
        Task held = new TaskCompletionSource().Task;
        using SafeFileHandle file = OpenNewFile();
        var seen = new List<long>();
        using (FileFaults.ArmWriteHold((_, offset) =>
               {
                   seen.Add(offset);
                   return held;
               }))
            Assert.Same(held, FileFaults.HoldWrite(file, 7));

        Assert.Null(FileFaults.HoldWrite(file, 8));
        Assert.Equal([7L], seen);
    }

    [Fact]
    public async Task WriteAsync_Held_WritesOnlyOnceTheHoldCompletes()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using SafeFileHandle file = OpenNewFile();
        ValueTask write;
        using (FileFaults.ArmWriteHold((_, _) => hold.Task))
            write = RootedFileSystem.WriteAsync(file, Theirs, 0, Ct);

        Assert.False(write.IsCompleted);
        Assert.Equal(0, RandomAccess.GetLength(file));
        hold.SetResult();
        await write;
        Assert.Equal(Theirs.Length, RandomAccess.GetLength(file));
    }

    [Fact]
    public async Task WriteAsync_HoldFailing_FailsTheWriteWithoutWriting()
    {
        using SafeFileHandle file = OpenNewFile();
        ValueTask write;
        using (FileFaults.ArmWriteHold((_, _) => Task.FromException(new IOException("held"))))
            write = RootedFileSystem.WriteAsync(file, Theirs, 0, Ct);

        Assert.Equal("held", (await Assert.ThrowsAsync<IOException>(() => write.AsTask())).Message);
        Assert.Equal(0, RandomAccess.GetLength(file));
    }

    [Fact]
    public async Task ListAsync_Armed_SeesEveryCallWithTheFolderOrEntryItActsOn()
    {
        (LocalStore store, FileCallRecorder setup) = _stores.NewStore();
        await PutAsync(store, setup, Key);
        await PutAsync(store, setup, "t/q");
        var recorder = new FileCallRecorder(store.Root);

        using (recorder.Arm())
            Assert.Equal(["t/p/o", "t/q"], (await ListAsync(store, "t/")).Select(o => o.Key));

        Assert.Equal(
            ["Open", "OpenBeneath t", "ReadDirectory t", "OpenBeneath t/p", "ReadDirectory t/p", "Stat t/p/o", "Stat t/q"],
            recorder.Calls);
    }

    private SafeFileHandle OpenNewFile()
    {
        string root = _stores.NewStore().Store.Root;
        Directory.CreateDirectory(root);
        return File.OpenHandle(Path.Join(root, "f"), FileMode.CreateNew, FileAccess.ReadWrite);
    }
}
