namespace Bronze.Tests.Partitions;

/// <summary>
/// A caller's <see cref="SynchronizationContext"/> (a UI or request context, in a host) that counts the continuations
/// posted back to it: code awaiting with <c>ConfigureAwait(false)</c> posts none. One thing runs at a time: a
/// suspended store call completes only once the caller's synchronous part has returned, so the await that suspends
/// has registered and never finds its answer already there.
/// </summary>
internal sealed class CallerContext : SynchronizationContext, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _posts;

    /// <summary>Continuations posted to this context so far.</summary>
    public int Posts => Volatile.Read(ref _posts);

    /// <summary>Runs the synchronous part of <paramref name="operation"/> on this context, as a host's caller would.</summary>
    public Task StartAsync(Func<Task> operation)
    {
        SynchronizationContext? previous = Current;
        _turn.Wait();
        SetSynchronizationContext(this);
        try
        {
            return operation();
        }
        finally
        {
            SetSynchronizationContext(previous);
            _turn.Release();
        }
    }

    /// <summary><paramref name="operation"/>'s outcome, delivered from a pool thread once the caller has returned.</summary>
    public Task<T> SuspendAsync<T>(Task<T> operation)
    {
        var done = new TaskCompletionSource<T>();
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            _turn.Wait();
            _turn.Release();
            try
            {
                done.SetResult(operation.GetAwaiter().GetResult());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, null);
        return done.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posts);
        ThreadPool.UnsafeQueueUserWorkItem(_ => d(state), null);
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posts);
        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;

    public void Dispose() => _turn.Dispose();
}
