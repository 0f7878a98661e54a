using Bronze.Layout;

namespace Bronze.Verification;

/// <summary>The verification of one partition.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Rows">Rows in its data file, as the Parquet footer says; <see langword="null"/> when unreadable or absent.</param>
/// <param name="Bytes">Its data file's size; <see langword="null"/> when absent.</param>
/// <param name="Issues">What is wrong with it; empty when it verified.</param>
public sealed record PartitionVerification(PartitionRef Partition, long? Rows, long? Bytes, IReadOnlyList<VerificationIssue> Issues)
{
    /// <summary>Whether the partition verified: committed, and every check passed.</summary>
    public bool IsValid => Issues.Count == 0;
}
