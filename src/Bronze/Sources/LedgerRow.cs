using Bronze.Sources;

namespace Bronze;

/// <summary>
/// One ledger as a source delivers it: its header fields and its raw LedgerCloseMeta XDR. The table's dataset columns
/// (<c>bronze_version</c>, <c>era_id</c>, <c>network</c>) are not here: the copier writes them from the partition.
/// </summary>
public sealed record LedgerRow
{
    /// <summary>The ledger's sequence number (Stellar's first ledger is 1).</summary>
    public required long LedgerSequence { get; init; }

    /// <summary>The ledger header's hash, 64 lower-case hex digits.</summary>
    public required string LedgerHash { get; init; }

    /// <summary>The previous ledger's hash, 64 lower-case hex digits (all zeros for ledger 1).</summary>
    public required string PreviousLedgerHash { get; init; }

    /// <summary>When the ledger closed, UTC, to the millisecond.</summary>
    public required DateTimeOffset CloseTime { get; init; }

    /// <summary>The protocol version the ledger closed under.</summary>
    public required int ProtocolVersion { get; init; }

    /// <summary>The total coins in existence, in stroops.</summary>
    public required long TotalCoins { get; init; }

    /// <summary>The fee pool, in stroops.</summary>
    public required long FeePool { get; init; }

    /// <summary>The transaction set's hash, 64 lower-case hex digits.</summary>
    public required string TxSetHash { get; init; }

    /// <summary>The number of transactions, or <see langword="null"/> when unknown.</summary>
    public required int? TxCount { get; init; }

    /// <summary>The number of operations, or <see langword="null"/> when unknown.</summary>
    public required int? OperationCount { get; init; }

    /// <summary>The LedgerCloseMeta XDR, unchanged.</summary>
    public required ReadOnlyMemory<byte> XdrBytes { get; init; }

    /// <summary>The sha256 of <see cref="XdrBytes"/>, 64 lower-case hex digits.</summary>
    public required string XdrSha256 { get; init; }

    /// <summary>The length of <see cref="XdrBytes"/> in bytes.</summary>
    public int XdrByteLength => XdrBytes.Length;
}
