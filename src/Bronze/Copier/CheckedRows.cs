using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Copier;

/// <summary>
/// Passes a source's rows through while checking that they belong to the partition, ascend without gaps and do not
/// exceed the expected count, and reports progress. A source that breaks these rules fails the partition.
/// </summary>
internal sealed class CheckedRows(
    IAsyncEnumerable<LedgerRow> rows, PartitionRef partition, long expected, Action<long, long> progress) : IAsyncEnumerable<LedgerRow>
{
    private const int ReportEveryRows = 256;

    public async IAsyncEnumerator<LedgerRow> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        long count = 0, pendingRows = 0, pendingBytes = 0;
        long? previous = null;
        await foreach (LedgerRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            long sequence = row.LedgerSequence;
            if (sequence < partition.Start || sequence > partition.End)
                throw Broken($"ledger {sequence} is outside the partition");
            if (previous is { } last && sequence != last + 1)
                throw Broken(sequence <= last ? $"ledger {sequence} came after {last}" : $"ledgers {last + 1} to {sequence - 1} are missing");
            if (++count > expected) throw Broken($"it yielded more than the {expected} rows expected");
            previous = sequence;
            pendingRows++;
            pendingBytes += row.XdrByteLength;
            if (pendingRows == ReportEveryRows)
            {
                progress(pendingRows, pendingBytes);
                pendingRows = pendingBytes = 0;
            }

            yield return row;
        }

        if (pendingRows > 0) progress(pendingRows, pendingBytes);
    }

    private BronzeException Broken(string what) => new(
        BronzeErrorKind.Failure, $"The source broke partition {partition.Start}-{partition.End}: {what}; nothing was published.");
}
