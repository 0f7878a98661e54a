namespace Bronze.Stellar.Xdr;

/// <summary>The walkers written by hand rather than generated (see tools/stellar/generate-skipper.mjs).</summary>
internal static partial class XdrSkip
{
    /// <summary>Walks a <c>LedgerHeaderHistoryEntry</c>, including the StellarValue arm newer than the generator's source.</summary>
    internal static void LedgerHeaderHistoryEntry(ref XdrReader r) => _ = LedgerHeaderFields.Read(ref r);
}
