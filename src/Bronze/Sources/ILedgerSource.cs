using Bronze.Layout;
using Bronze.Sources;

namespace Bronze;

/// <summary>
/// Where ledgers come from: yields the ledgers of a range, in ascending sequence order.
/// </summary>
/// <remarks>
/// A source yields every ledger that exists in the range and no other; a ledger it cannot produce is an exception, never
/// a silent gap, so that a partition short of its range is never written. Implementations are safe to read from
/// several ranges at once (the copier reads partitions in parallel).
/// </remarks>
public interface ILedgerSource
{
    /// <summary>A short name for messages and logs, e.g. <c>synthetic</c>.</summary>
    string Name { get; }

    /// <summary>The rows of the ledgers in [<paramref name="start"/>, <paramref name="end"/>] that exist, in order.</summary>
    /// <param name="dataset">The dataset the rows are for (its network says which chain).</param>
    /// <param name="start">The first ledger, at least 0.</param>
    /// <param name="end">The last ledger, inclusive.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <exception cref="BronzeException">A ledger in the range cannot be produced.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    IAsyncEnumerable<LedgerRow> ReadAsync(DatasetRef dataset, long start, long end, CancellationToken cancellationToken = default);

    /// <summary>How many rows <see cref="ReadAsync"/> yields for the range: the ledgers in it that exist.</summary>
    /// <param name="start">The first ledger.</param>
    /// <param name="end">The last ledger, inclusive.</param>
    long ExpectedRowCount(long start, long end);
}
