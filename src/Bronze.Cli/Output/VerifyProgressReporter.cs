using System.Diagnostics;
using Bronze.Verification;

namespace Bronze.Cli.Output;

/// <summary>
/// Shows a human verify as it runs, on standard error: verify prints its table only once every partition is verified
/// (so that its columns line up), and a verify of terabytes must not look hung meanwhile. On a terminal a line redrawn
/// after each partition; otherwise a <c>progress:</c> line at the first partition, then at most one every few seconds. <c>--json</c> gets none: its
/// lines are results, and the partitions' come in start order at the end.
/// </summary>
internal sealed class VerifyProgressReporter(CliConsole console, TimeSpan logInterval) : IProgress<PartitionVerification>, IDisposable
{
    /// <summary>How often a <c>progress:</c> line is written when standard error is not a terminal.</summary>
    public static readonly TimeSpan DefaultLogInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    // The first partition is logged at once, then one line per interval: a slow verify shows early that it works.
    private TimeSpan _logged = -logInterval;
    private int _done;
    private int _failed;
    private long _bytes;

    /// <summary>Counts a verified partition, and shows the counts when it is time to.</summary>
    public void Report(PartitionVerification value)
    {
        // Partitions finish on several tasks at once: one at a time, so that counts and lines agree.
        lock (_gate)
        {
            _done++;
            _failed += value.IsValid ? 0 : 1;
            _bytes += value.Bytes ?? 0;
            TimeSpan elapsed = _clock.Elapsed;
            string counts = $"verified {_done} partitions, {_failed} failed, {Units.Bytes(_bytes)}, {Units.Seconds(elapsed)}";
            if (console.ErrorIsTerminal)
            {
                console.Redraw(counts);
            }
            else if (elapsed - _logged >= logInterval)
            {
                _logged = elapsed;
                console.ErrorLine("progress: " + counts);
            }
        }
    }

    /// <summary>Clears the redrawn line, so that nothing of it stays before the results.</summary>
    public void Dispose()
    {
        if (console.ErrorIsTerminal) console.Redraw("");
    }
}
