namespace Bronze.Sources;

/// <summary>The header values a synthetic ledger's XDR repeats, so the XDR and the row's columns agree.</summary>
internal readonly ref struct SyntheticHeader
{
    public required long Sequence { get; init; }

    public required ReadOnlySpan<byte> LedgerHash { get; init; }

    public required ReadOnlySpan<byte> PreviousLedgerHash { get; init; }

    public required ReadOnlySpan<byte> TxSetHash { get; init; }

    public required long CloseTimeSeconds { get; init; }

    public required int ProtocolVersion { get; init; }

    public required long TotalCoins { get; init; }

    public required long FeePool { get; init; }
}
