namespace Bronze.Copier;

/// <summary>The counters of one run, updated by its parallel workers.</summary>
internal sealed class RunTally
{
    private int _written, _skipped, _healed, _conflicts, _failed, _transientFailures;
    private long _rows, _bytes, _sourceBytes;

    public void Add(PartitionOutcome outcome, long sourceBytes)
    {
        Interlocked.Add(ref _sourceBytes, sourceBytes);
        switch (outcome.Kind)
        {
            case CopierEventKind.Written:
                Interlocked.Increment(ref _written);
                break;
            case CopierEventKind.Healed:
                Interlocked.Increment(ref _healed);
                break;
            case CopierEventKind.Skipped:
                Interlocked.Increment(ref _skipped);
                return;
            case CopierEventKind.Conflict:
                Interlocked.Increment(ref _conflicts);
                return;
            default:
                Interlocked.Increment(ref _failed);
                if (outcome.Transient) Interlocked.Increment(ref _transientFailures);
                return;
        }

        Interlocked.Add(ref _rows, outcome.Rows);
        Interlocked.Add(ref _bytes, outcome.Bytes);
    }

    public CopyRunSummary Summary(int partitions, TimeSpan elapsed, IReadOnlyList<CopierEvent> problems) => new(
        partitions, _written, _skipped, _healed, _conflicts, _failed, Interlocked.Read(ref _rows), Interlocked.Read(ref _bytes),
        Interlocked.Read(ref _sourceBytes), elapsed, problems)
    {
        TransientFailures = _transientFailures,
    };
}
