using System.Diagnostics;
using Bronze.Copier;

namespace Bronze.Cli.Output;

/// <summary>
/// Shows a copy as it runs: one line per finished partition, plus a live progress bar on a terminal, or a progress
/// line every few seconds when standard error is not a terminal (or with <c>--json</c>). It is made before the copier
/// it reports for (the copier takes it as an option) and started with the copier's partition count, so that one
/// copier both counts and runs.
/// </summary>
internal sealed class CopyProgressReporter(CliConsole console, long expectedRows) : IProgress<CopierEvent>, IDisposable
{
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly CliConsole _console = console;
    private readonly long _expectedRows = Math.Max(1, expectedRows);
    private readonly Stopwatch _clock = new();
    private readonly bool _bar = console.ErrorIsTerminal && !console.Json;
    private Timer? _timer;
    private int _partitions;
    private int _done;
    private long _rows;
    private long _sourceBytes;

    /// <summary>Starts the clock and the progress lines of a run of <paramref name="partitions"/> partitions.</summary>
    public void Start(int partitions)
    {
        _partitions = partitions;
        _clock.Start();
        TimeSpan interval = _bar ? BarInterval : LogInterval;
        _timer = new Timer(_ => Tick(), null, interval, interval);
    }

    public void Report(CopierEvent value)
    {
        switch (value.Kind)
        {
            case CopierEventKind.Progress:
                Interlocked.Add(ref _rows, value.Rows);
                Interlocked.Add(ref _sourceBytes, value.SourceBytes);
                return;
            case CopierEventKind.Planned:
                return;
        }

        Interlocked.Increment(ref _done);
        string status = Name(value.Kind);
        if (_console.Json)
        {
            _console.JsonLine(
                new PartitionLine(status, value.Partition.Start, value.Partition.End, status)
                {
                    Rows = value.Rows,
                    Bytes = value.DataFileBytes,
                    ElapsedSeconds = Math.Round(value.Elapsed.TotalSeconds, 3),
                    Message = value.Message,
                },
                CliJsonContext.Default.PartitionLine);
            return;
        }

        string range = $"range={value.Partition.Start}-{value.Partition.End}";
        string detail = value.Kind switch
        {
            CopierEventKind.Written or CopierEventKind.Healed =>
                $"{Units.Count(value.Rows)} rows, {Units.Bytes(value.DataFileBytes)} in {Units.Seconds(value.Elapsed)}",
            _ => value.Message ?? "",
        };
        if (_bar) _console.Redraw("");
        _console.Line($"{status,-9} {range,-28} {detail}".TrimEnd());
    }

    public static string Name(CopierEventKind kind) => kind switch
    {
        CopierEventKind.Written => "written",
        CopierEventKind.Skipped => "skipped",
        CopierEventKind.Healed => "healed",
        CopierEventKind.Conflict => "conflict",
        CopierEventKind.Failed => "failed",
        CopierEventKind.Planned => "planned",
        _ => "progress",
    };

    public void Dispose()
    {
        // Waits for a tick already running, so that no progress line can follow the summary.
        using var ticksDone = new ManualResetEvent(false);
        if (_timer?.Dispose(ticksDone) == true) ticksDone.WaitOne();
        if (_bar) _console.Redraw("");
    }

    private void Tick()
    {
        long rows = Interlocked.Read(ref _rows);
        long bytes = Interlocked.Read(ref _sourceBytes);
        int done = Volatile.Read(ref _done);
        TimeSpan elapsed = _clock.Elapsed;
        double rate = elapsed.TotalSeconds > 0 ? bytes / elapsed.TotalSeconds : 0;
        if (_console.Json)
        {
            _console.JsonLine(new ProgressLine(done, _partitions, rows, bytes, Math.Round(elapsed.TotalSeconds, 3)), CliJsonContext.Default.ProgressLine);
            return;
        }

        string counts = $"{done}/{_partitions} partitions, {Units.Count(rows)} rows, {Units.Bytes(bytes)} of XDR, {Units.Rate(rate)}";
        if (!_bar)
        {
            _console.ErrorLine($"progress: {counts}, {Units.Seconds(elapsed)}");
            return;
        }

        const int Width = 30;
        double fraction = Math.Clamp(rows / (double)_expectedRows, 0, 1);
        int filled = (int)(fraction * Width);
        _console.Redraw($"[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0}% {counts}");
    }
}
