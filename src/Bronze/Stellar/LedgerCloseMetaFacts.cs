using Bronze.Stellar.Xdr;

namespace Bronze.Stellar;

/// <summary>What one walk of a LedgerCloseMeta found: its header and, when asked for and readable, its counts.</summary>
internal readonly ref struct LedgerCloseMetaFacts
{
    /// <summary>The LedgerCloseMeta version: 0, 1 or 2.</summary>
    public required int Version { get; init; }

    public required LedgerHeaderFields Header { get; init; }

    /// <summary>Transactions in the set (failed ones too), or <see langword="null"/> when not counted.</summary>
    public int? TxCount { get; init; }

    /// <summary>Operations of those transactions, or <see langword="null"/> when not counted.</summary>
    public int? OperationCount { get; init; }

    /// <summary>The LedgerCloseMeta's length in bytes, when the walk went to its end; otherwise 0.</summary>
    public int Length { get; init; }

    /// <summary>Why the counts are missing although they were asked for (an arm this build does not know).</summary>
    public string? CountsUnavailableReason { get; init; }
}
