using Bronze.Layout;

namespace Bronze.Verification;

/// <summary>One thing verification found wrong.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Key">The object (or partition folder) at fault.</param>
/// <param name="Message">What was expected and what was found.</param>
/// <param name="Partition">The partition, or <see langword="null"/> for an object outside any partition.</param>
public sealed record VerificationIssue(VerificationIssueKind Kind, string Key, string Message, PartitionRef? Partition = null);
