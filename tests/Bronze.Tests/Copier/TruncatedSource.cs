using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Tests.Copier;

/// <summary>A source that delivers only the ledgers from <paramref name="first"/> to <paramref name="last"/>, in order and without gaps.</summary>
internal sealed class TruncatedSource(ILedgerSource inner, long first, long last) : ILedgerSource
{
    public string Name => "truncated";

    public long ExpectedRowCount(long start, long end) => inner.ExpectedRowCount(start, end);

    public async IAsyncEnumerable<LedgerRow> ReadAsync(
        DatasetRef dataset, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (LedgerRow row in inner.ReadAsync(dataset, start, end, cancellationToken))
        {
            if (row.LedgerSequence >= first && row.LedgerSequence <= last) yield return row;
        }
    }
}
