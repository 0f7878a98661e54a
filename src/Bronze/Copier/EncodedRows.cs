namespace Bronze.Copier;

/// <summary>What the encoder wrote into a partition's file.</summary>
/// <param name="Rows">The number of rows.</param>
/// <param name="FirstLedger">The first ledger written, or <see langword="null"/> with no rows.</param>
/// <param name="LastLedger">The last ledger written, or <see langword="null"/> with no rows.</param>
internal sealed record EncodedRows(long Rows, long? FirstLedger, long? LastLedger);
