using Bronze.Layout;
using Bronze.Partitions;

namespace Bronze.Copier;

/// <summary>Something the copier did to one partition, for hosts to log or show as progress.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Rows">
/// <see cref="CopierEventKind.Progress"/>: rows since the partition's previous progress event; written, healed and
/// skipped: the partition's rows (skipped: as its manifest says); otherwise 0.
/// </param>
/// <param name="Bytes">
/// <see cref="CopierEventKind.Progress"/>: source (XDR) bytes since the previous progress event; written, healed and
/// skipped: the data file's size; otherwise 0.
/// </param>
/// <param name="Elapsed">Time spent on the partition so far.</param>
/// <param name="Status">For <see cref="CopierEventKind.Planned"/>: the status the planner saw; otherwise <see langword="null"/>.</param>
/// <param name="Message">Details for conflicts, failures and skips; otherwise <see langword="null"/>.</param>
public sealed record CopierEvent(
    CopierEventKind Kind,
    PartitionRef Partition,
    long Rows,
    long Bytes,
    TimeSpan Elapsed,
    PartitionState? Status = null,
    string? Message = null);
