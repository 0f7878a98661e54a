using System.Collections.Concurrent;
using Bronze.Copier;

namespace Bronze.Tests.Copier;

public sealed class CopierEventTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_Events_SourceBytesOnProgressAndDataFileBytesOnWritten()
    {
        using var fixture = new CopierFixture();
        var events = new ConcurrentQueue<CopierEvent>();

        CopyRunSummary summary = await fixture.Copier(CopierFixture.Options(progress: new SyncProgress<CopierEvent>(events.Enqueue))).RunAsync(Token);

        CopierEvent[] progress = [.. events.Where(e => e.Kind == CopierEventKind.Progress)];
        CopierEvent[] written = [.. events.Where(e => e.Kind == CopierEventKind.Written)];
        Assert.NotEmpty(progress);
        Assert.Equal(3, written.Length);
        Assert.Equal(summary.SourceBytes, progress.Sum(e => e.SourceBytes));
        Assert.All(progress, e => Assert.Equal(0, e.DataFileBytes));
        Assert.All(written, e => Assert.Equal(
            (0L, new FileInfo(fixture.PathOf(e.Partition.DataKey("lake"))).Length), (e.SourceBytes, e.DataFileBytes)));
        Assert.Equal(summary.Bytes, written.Sum(e => e.DataFileBytes));
    }

    [Fact]
    public async Task RunAsync_CompletePartitions_SkippedEventsCarryTheManifestsFileSize()
    {
        using var fixture = new CopierFixture();
        await fixture.Copier().RunAsync(Token);
        var events = new ConcurrentQueue<CopierEvent>();

        await fixture.Copier(CopierFixture.Options(progress: new SyncProgress<CopierEvent>(events.Enqueue))).RunAsync(Token);

        CopierEvent[] skipped = [.. events.Where(e => e.Kind == CopierEventKind.Skipped)];
        Assert.Equal(3, skipped.Length);
        Assert.All(skipped, e => Assert.Equal(
            (0L, new FileInfo(fixture.PathOf(e.Partition.DataKey("lake"))).Length), (e.SourceBytes, e.DataFileBytes)));
        Assert.DoesNotContain(events, e => e.Kind == CopierEventKind.Progress);
    }
}
