namespace Bronze.Sources.Synthetic;

/// <summary>
/// Which LedgerCloseMeta a synthetic dataset holds, from its era label: <c>p23_plus</c> gives protocols 23 and later
/// (LedgerCloseMeta v2, parallel Soroban phases, TransactionMeta v4); any other era, <c>pre_p23</c> among them, gives
/// protocols 20-22 (LedgerCloseMeta v1, TransactionMeta v3).
/// </summary>
internal static class SyntheticEra
{
    /// <summary>The era label of protocols 23 and later.</summary>
    public const string P23Plus = "p23_plus";

    public static bool IsP23Plus(string eraId) => string.Equals(eraId, P23Plus, StringComparison.Ordinal);

    /// <summary>The protocol a ledger closed under: rising with the sequence, within the era's range.</summary>
    public static int Protocol(bool p23Plus, long sequence) => p23Plus
        ? sequence < 60_000_000 ? 23 : sequence < 61_000_000 ? 24 : 25
        : sequence < 52_000_000 ? 20 : sequence < 54_000_000 ? 21 : 22;
}
