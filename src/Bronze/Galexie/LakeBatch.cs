using Bronze.Stellar;

namespace Bronze.Galexie;

/// <summary>One batch file, decompressed and decoded: its ledgers in order, checked against its key.</summary>
/// <param name="Key">The batch file's key, or the key it should have had when <paramref name="Missing"/>.</param>
/// <param name="Ledgers">The decoded ledgers, in sequence order, exactly those the key names (from ledger 2).</param>
/// <param name="Bytes">The decompressed size.</param>
/// <param name="Missing">The lake has no such batch file.</param>
internal sealed record LakeBatch(string Key, IReadOnlyList<DecodedLedger> Ledgers, long Bytes, bool Missing = false);
