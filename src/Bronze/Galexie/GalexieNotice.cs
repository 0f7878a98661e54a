namespace Bronze.Galexie;

/// <summary>A ledger written without its transaction and operation counts, and why (never a failure).</summary>
/// <param name="LedgerSequence">The ledger.</param>
/// <param name="Key">The batch file's key in the lake.</param>
/// <param name="Reason">What the decoder could not read, e.g. an operation type this build does not know.</param>
public sealed record GalexieNotice(long LedgerSequence, string Key, string Reason);
