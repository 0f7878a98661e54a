namespace Bronze.Copier;

/// <summary>How the copier finished one partition (internal to the run; hosts see it as a <see cref="CopierEvent"/>).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Rows">The partition's rows (written, healed, skipped); otherwise 0.</param>
/// <param name="Bytes">The data file's size (written, healed, skipped); otherwise 0.</param>
/// <param name="Message">Details for conflicts, failures and skips.</param>
/// <param name="Transient">A failure whose cause may go away on a retry (<see cref="BronzeException.IsTransient"/>).</param>
internal sealed record PartitionOutcome(CopierEventKind Kind, long Rows, long Bytes, string? Message = null, bool Transient = false);
