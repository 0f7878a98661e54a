using Bronze.Galexie;

namespace Bronze.Cli.Output;

/// <summary>
/// Shows ledgers written without counts: each as a JSON line, or the first few as text lines on standard error and
/// then only their number, so that a lake of ledgers from a newer protocol does not flood the terminal.
/// </summary>
internal sealed class NoticeReporter(CliConsole console) : IProgress<GalexieNotice>
{
    private const int ShownLines = 10;

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Report(GalexieNotice value)
    {
        int count = Interlocked.Increment(ref _count);
        if (console.Json)
            console.JsonLine(new NoticeLine(value.LedgerSequence, value.Key, value.Reason), CliJsonContext.Default.NoticeLine);
        else if (count <= ShownLines)
            console.ErrorLine($"note: ledger {value.LedgerSequence} ('{value.Key}') is written without transaction and operation counts: {value.Reason}");
    }

    /// <summary>The closing line of a text run that left some notices unshown.</summary>
    public void Finish()
    {
        if (!console.Json && Count > ShownLines)
            console.ErrorLine($"note: {Count} ledgers in all were written without counts ({Count - ShownLines} not shown above).");
    }
}
