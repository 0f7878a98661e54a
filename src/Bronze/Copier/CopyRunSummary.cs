using Bronze.Copier;

namespace Bronze;

/// <summary>What one copy run did.</summary>
/// <param name="Partitions">Partitions in the run's range.</param>
/// <param name="Written">Partitions written and committed by this run.</param>
/// <param name="Skipped">Partitions already complete (or completed by another writer during the run).</param>
/// <param name="Healed">Incomplete partitions whose data file matched and whose manifest this run wrote.</param>
/// <param name="Conflicts">Partitions whose stored objects differ from this run's output; nothing was overwritten.</param>
/// <param name="Failed">Partitions that could not be written (source or store failure).</param>
/// <param name="Rows">Rows in the partitions written or healed.</param>
/// <param name="Bytes">Bytes of the data files written or healed.</param>
/// <param name="SourceBytes">XDR bytes read from the source.</param>
/// <param name="Elapsed">The run's duration.</param>
/// <param name="Problems">The conflict and failure events, in the order they happened.</param>
public sealed record CopyRunSummary(
    int Partitions,
    int Written,
    int Skipped,
    int Healed,
    int Conflicts,
    int Failed,
    long Rows,
    long Bytes,
    long SourceBytes,
    TimeSpan Elapsed,
    IReadOnlyList<CopierEvent> Problems)
{
    /// <summary>Data file bytes written per second (0 for an instant run).</summary>
    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? Bytes / Elapsed.TotalSeconds : 0;

    /// <summary>Source (XDR) bytes copied per second (0 for an instant run).</summary>
    public double SourceBytesPerSecond => Elapsed > TimeSpan.Zero ? SourceBytes / Elapsed.TotalSeconds : 0;

    /// <summary>Rows written per second (0 for an instant run).</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// Of the <see cref="Failed"/> partitions, those that failed for a transient reason (throttling, a reset, a timeout,
    /// a store unreachable: <see cref="BronzeException.IsTransient"/>), which a retry of the run may complete.
    /// </summary>
    public int TransientFailures { get; init; }

    /// <summary>
    /// Whether the run failed, and only for transient reasons: no conflict, and every failed partition failed
    /// transiently. Running it again (a batch engine's retry) resumes from the store and may succeed.
    /// </summary>
    public bool FailedOnlyTransiently => Failed > 0 && TransientFailures == Failed && Conflicts == 0;

    /// <summary>Whether every partition ended complete (written, skipped or healed).</summary>
    public bool Succeeded => Conflicts == 0 && Failed == 0;
}
