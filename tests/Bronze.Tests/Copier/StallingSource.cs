using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Tests.Copier;

/// <summary>
/// A source that never delivers the partition starting at <paramref name="stalledStart"/>: it waits until cancelled,
/// so only a cancellation from the copier itself ends that partition. Should none come, it fails after
/// <see cref="Patience"/> with its own error, so a copier that forgot to cancel fails the test instead of hanging it.
/// </summary>
internal sealed class StallingSource(ILedgerSource inner, long stalledStart) : ILedgerSource
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public string Name => "stalling";

    public long ExpectedRowCount(long start, long end) => inner.ExpectedRowCount(start, end);

    public async IAsyncEnumerable<LedgerRow> ReadAsync(
        DatasetRef dataset, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (start == stalledStart)
        {
            await Task.Delay(Patience, cancellationToken);
            throw new InvalidOperationException($"The copier did not cancel the source within {Patience}.");
        }

        await foreach (LedgerRow row in inner.ReadAsync(dataset, start, end, cancellationToken)) yield return row;
    }
}
