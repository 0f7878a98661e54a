using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Copier;

namespace Bronze.Cli.Commands;

/// <summary>
/// <c>--end latest</c>: the copy ends with the last partition the lake holds whole (up to its newest ledger), so a
/// scheduled run copies every partition galexie has finished since the last run and never a partial one.
/// </summary>
internal static class LatestRange
{
    /// <summary>The copier's options with their end resolved; <see langword="null"/> when no partition is whole yet.</summary>
    public static async Task<CopierOptions?> ResolveAsync(CopySettings settings, OpenedSource source, CliConsole console, CancellationToken cancellationToken)
    {
        if (!settings.EndIsLatest || source.Lake is null) return settings.Copier;
        CopierOptions options = settings.Copier;
        long? newest = await source.Lake.FindNewestLedgerAsync(cancellationToken).ConfigureAwait(false);
        long end = newest is { } n ? ((n + 1) / options.PartitionSize * options.PartitionSize) - 1 : -1;
        if (end >= options.Start) return (options with { End = end }).Validate();

        string held = newest is null ? "holds no ledgers yet" : $"holds ledgers up to {newest}";
        string message = $"Nothing to copy: the lake {held}, and the first partition from {options.Start} ends at {options.Start + options.PartitionSize - 1}.";
        if (console.Json)
            console.JsonLine(new SummaryLine(settings.DryRun ? "copy --dry-run" : "copy", ExitCodes.Ok) { Partitions = 0 }, CliJsonContext.Default.SummaryLine);
        else
            console.Line(message);
        return null;
    }
}
