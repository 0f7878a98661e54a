using Bronze.Verification;

namespace Bronze;

/// <summary>What verifying a dataset found.</summary>
/// <param name="Partitions">Every partition checked, in start order.</param>
/// <param name="OtherIssues">Issues outside any checked partition (unexpected files).</param>
/// <param name="Elapsed">How long verification took.</param>
public sealed record VerificationReport(
    IReadOnlyList<PartitionVerification> Partitions, IReadOnlyList<VerificationIssue> OtherIssues, TimeSpan Elapsed)
{
    /// <summary>Every issue: the partitions' in start order, then the others.</summary>
    public IEnumerable<VerificationIssue> Issues => Partitions.SelectMany(p => p.Issues).Concat(OtherIssues);

    /// <summary>Whether everything verified.</summary>
    public bool IsValid => OtherIssues.Count == 0 && Partitions.All(p => p.IsValid);

    /// <summary>Rows over all partitions that could be read.</summary>
    public long Rows => Partitions.Sum(p => p.Rows ?? 0);

    /// <summary>Data file bytes over all partitions.</summary>
    public long Bytes => Partitions.Sum(p => p.Bytes ?? 0);
}
