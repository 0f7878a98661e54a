namespace Bronze.Copier;

/// <summary>How the copier finished one partition (internal to the run; hosts see it as a <see cref="CopierEvent"/>).</summary>
internal sealed record PartitionOutcome(CopierEventKind Kind, long Rows, long Bytes, string? Message = null);
