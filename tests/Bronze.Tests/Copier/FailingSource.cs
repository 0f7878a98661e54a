using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Tests.Copier;

/// <summary>A source whose partitions starting at the given ledgers fail: transiently (a reset) or not (corrupt input).</summary>
internal sealed class FailingSource(ILedgerSource inner, IReadOnlySet<long> transientStarts, IReadOnlySet<long> permanentStarts) : ILedgerSource
{
    public string Name => "failing";

    public long ExpectedRowCount(long start, long end) => inner.ExpectedRowCount(start, end);

    public async IAsyncEnumerable<LedgerRow> ReadAsync(
        DatasetRef dataset, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (transientStarts.Contains(start))
            throw new BronzeException(BronzeErrorKind.StoreFailure, $"connection reset reading {start}-{end}", isTransient: true);
        if (permanentStarts.Contains(start))
            throw new BronzeException(BronzeErrorKind.IntegrityMismatch, $"ledger {start} does not decode");
        await foreach (LedgerRow row in inner.ReadAsync(dataset, start, end, cancellationToken)) yield return row;
    }
}
