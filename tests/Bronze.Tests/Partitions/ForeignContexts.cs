namespace Bronze.Tests.Partitions;

/// <summary>
/// Completes tasks on thread-pool threads that each carry a new <see cref="SynchronizationContext"/>, and counts what
/// is posted to any of them. Code awaiting with <c>ConfigureAwait(false)</c> resumes inline and posts nothing; code
/// that captured the context it ran on (a caller's UI or request context, in a host) posts to it, and is counted.
/// One thing runs at a time: an answer is delivered only once the code that asked for it has returned to the thread
/// it ran on, so its await has registered and never finds the answer already there (which would resume it inline).
/// </summary>
internal sealed class ForeignContexts : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _posts;

    /// <summary>Continuations posted to a captured context so far.</summary>
    public int Posts => Volatile.Read(ref _posts);

    /// <summary>Starts <paramref name="operation"/> on a context of this set, as a host's caller would.</summary>
    public Task<T> StartAsync<T>(Func<Task<T>> operation)
    {
        SynchronizationContext? previous = SynchronizationContext.Current;
        _turn.Wait();
        SynchronizationContext.SetSynchronizationContext(new Context(this));
        try
        {
            return operation();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _turn.Release();
        }
    }

    /// <summary><paramref name="operation"/>'s outcome, delivered later from a pool thread carrying a new context.</summary>
    public Task<T> ResumeOnNewContext<T>(Task<T> operation)
    {
        var done = new TaskCompletionSource<T>();
        operation.ContinueWith(
            finished => ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                _turn.Wait();
                SynchronizationContext.SetSynchronizationContext(new Context(this));
                try
                {
                    if (finished.IsFaulted) done.SetException(finished.Exception!.InnerExceptions);
                    else if (finished.IsCanceled) done.SetCanceled();
                    else done.SetResult(finished.Result);
                }
                finally
                {
                    SynchronizationContext.SetSynchronizationContext(null);
                    _turn.Release();
                }
            }, null),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return done.Task;
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Context(ForeignContexts owner) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref owner._posts);
            ThreadPool.UnsafeQueueUserWorkItem(_ => d(state), null);
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref owner._posts);
            d(state);
        }

        public override SynchronizationContext CreateCopy() => this;
    }
}
