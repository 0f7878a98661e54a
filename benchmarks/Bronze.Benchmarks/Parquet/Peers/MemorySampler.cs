namespace Bronze.Benchmarks.Parquet.Peers;

/// <summary>
/// Peak managed heap and peak resident set above what they were at the start, sampled every millisecond on a
/// background task. The heap is what a managed writer holds; the resident set also shows native buffers (ParquetSharp's
/// Arrow memory pool), but starts from whatever earlier work left mapped, so it is a lower bound.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _heapBaseline;
    private readonly long _rssBaseline;
    private readonly Task _sampling;
    private long _heapPeak;
    private long _rssPeak;

    public MemorySampler()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _heapBaseline = _heapPeak = GC.GetTotalMemory(forceFullCollection: true);
        _rssBaseline = _rssPeak = Environment.WorkingSet;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Peak managed heap above the start, in bytes.</summary>
    public long HeapAbove => _heapPeak - _heapBaseline;

    /// <summary>Peak resident set above the start, in bytes.</summary>
    public long RssAbove => _rssPeak - _rssBaseline;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            _heapPeak = Math.Max(_heapPeak, GC.GetTotalMemory(forceFullCollection: false));
            _rssPeak = Math.Max(_rssPeak, Environment.WorkingSet);
            await Task.Delay(1, CancellationToken.None);
        }
    }
}
