using Bronze.Layout;
using Bronze.Partitions;
using Bronze.Copier;

namespace Bronze;

/// <summary>Something the copier did to one partition, for hosts to log or show as progress.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Rows">
/// <see cref="CopierEventKind.Progress"/>: rows since the partition's previous progress event; written, healed and
/// skipped: the partition's rows (skipped: as its manifest says); otherwise 0.
/// </param>
/// <param name="Elapsed">Time spent on the partition so far.</param>
/// <param name="Status">For <see cref="CopierEventKind.Planned"/>: the status the planner saw; otherwise <see langword="null"/>.</param>
/// <param name="Message">Details for conflicts, failures and skips; otherwise <see langword="null"/>.</param>
public sealed record CopierEvent(
    CopierEventKind Kind,
    PartitionRef Partition,
    long Rows,
    TimeSpan Elapsed,
    PartitionState? Status = null,
    string? Message = null)
{
    /// <summary>
    /// <see cref="CopierEventKind.Progress"/>: the source's bytes (LedgerCloseMeta XDR) read for the partition since its
    /// previous progress event; 0 for every other kind. Their sum over a run is <see cref="CopyRunSummary.SourceBytes"/>.
    /// </summary>
    public long SourceBytes { get; init; }

    /// <summary>
    /// <see cref="CopierEventKind.Written"/>, <see cref="CopierEventKind.Healed"/> and <see cref="CopierEventKind.Skipped"/>:
    /// the size of the partition's Parquet data file in bytes (skipped: as its manifest says); 0 for every other kind.
    /// Summed over the written and healed partitions of a run, it is <see cref="CopyRunSummary.Bytes"/>.
    /// </summary>
    public long DataFileBytes { get; init; }
}
