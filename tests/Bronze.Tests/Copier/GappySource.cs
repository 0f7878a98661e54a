using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Tests.Copier;

/// <summary>A source that loses one ledger, as a broken upstream would: the copier must not publish that partition.</summary>
internal sealed class GappySource(ILedgerSource inner, long missingLedger) : ILedgerSource
{
    public string Name => "gappy";

    public long ExpectedRowCount(long start, long end) => inner.ExpectedRowCount(start, end);

    public async IAsyncEnumerable<LedgerRow> ReadAsync(
        DatasetRef dataset, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (LedgerRow row in inner.ReadAsync(dataset, start, end, cancellationToken))
        {
            if (row.LedgerSequence != missingLedger) yield return row;
        }
    }
}
