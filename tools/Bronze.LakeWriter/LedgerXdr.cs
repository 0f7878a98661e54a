namespace Bronze.LakeWriter;

/// <summary>One ledger to write into a lake: its sequence and its LedgerCloseMeta XDR.</summary>
/// <param name="Sequence">The ledger's sequence.</param>
/// <param name="Xdr">The LedgerCloseMeta XDR.</param>
public sealed record LedgerXdr(long Sequence, ReadOnlyMemory<byte> Xdr);
