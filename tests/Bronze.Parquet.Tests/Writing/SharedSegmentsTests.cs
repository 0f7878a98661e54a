using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Writing;

public sealed class SharedSegmentsTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Close_LastWriterIdleLongEnough_ReleasesTheArrays()
    {
        using var shared = new SharedSegments(Idle);
        byte[] segment = RentAndReturn(shared);

        await WaitForReleaseAsync(shared, 1);
        using var next = new SegmentPool(shared);

        Assert.NotSame(segment, next.Rent(segment.Length, 0));
    }

    [Fact]
    public async Task Close_AnotherWriterStillOpen_KeepsTheArraysForIt()
    {
        using var shared = new SharedSegments(Idle);
        using var open = new SegmentPool(shared);
        byte[] segment = RentAndReturn(shared);

        await Task.Delay(Idle * 6, TestContext.Current.CancellationToken);

        Assert.Equal(0, shared.Releases);
        Assert.Same(segment, open.Rent(segment.Length, 0));
    }

    [Fact]
    public async Task Open_BeforeTheIdleTimeEnds_CancelsTheRelease()
    {
        // 1 s between the close and the next open would only be missed on a machine stalled for that long.
        using var shared = new SharedSegments(TimeSpan.FromSeconds(1));
        byte[] segment = RentAndReturn(shared);
        using var next = new SegmentPool(shared);

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        Assert.Equal(0, shared.Releases);
        Assert.Same(segment, next.Rent(segment.Length, 0));
    }

    private static byte[] RentAndReturn(SharedSegments shared)
    {
        using var pool = new SegmentPool(shared);
        byte[] segment = pool.Rent(SegmentPool.MinSegment, 0);
        pool.Return(segment);
        return segment;
    }

    private static async Task WaitForReleaseAsync(SharedSegments shared, int releases)
    {
        for (int i = 0; i < 400 && shared.Releases < releases; i++) await Task.Delay(Idle, TestContext.Current.CancellationToken);
        Assert.Equal(releases, shared.Releases);
    }
}

/// <summary>Runs alone, after the parallel tests: it checks the process-wide count of open writers.</summary>
[CollectionDefinition(nameof(ProcessSegmentsCollection), DisableParallelization = true)]
public sealed class ProcessSegmentsCollection;

[Collection(nameof(ProcessSegmentsCollection))]
public sealed class ProcessSegmentsTests
{
    [Fact]
    public async Task DisposeAsync_CompletedAndAbandonedWriters_CloseTheirPools()
    {
        ParquetSchema schema = TestSchemas.AllTypes();
        int before = SharedSegments.Process.OpenWriters;
        await using (ParquetWriter completed = await ParquetWriter.CreateAsync(schema, new MemoryStream(), cancellationToken: TestContext.Current.CancellationToken))
        await using (ParquetWriter abandoned = await ParquetWriter.CreateAsync(schema, new MemoryStream(), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(before + 2, SharedSegments.Process.OpenWriters);
            await completed.CompleteAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, SharedSegments.Process.OpenWriters);
    }
}
