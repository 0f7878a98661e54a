using Bronze.Sources;

namespace Bronze.Stellar;

/// <summary>A decoded LedgerCloseMeta: the table's row, and why its counts are null when they are.</summary>
/// <param name="Row">Every <c>ledgers_lcm_raw</c> column the ledger gives.</param>
/// <param name="CountsUnavailableReason">
/// <see langword="null"/> when <see cref="LedgerRow.TxCount"/> and <see cref="LedgerRow.OperationCount"/> are set;
/// otherwise why they are not (the transaction set holds an arm this build does not know, e.g. a newer operation type),
/// worded for a log line and naming the ledger.
/// </param>
public sealed record DecodedLedger(LedgerRow Row, string? CountsUnavailableReason);
