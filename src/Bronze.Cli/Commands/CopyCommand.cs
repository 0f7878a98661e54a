using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Copier;
using Bronze.Sources;
using Bronze.Storage;

namespace Bronze.Cli.Commands;

/// <summary><c>bronze copy</c>: copies the range, or with <c>--dry-run</c> prints what a copy would write.</summary>
internal static class CopyCommand
{
    // A live writer touches its temp file with every 1 MiB it writes: one untouched this long was left by a killed run.
    private static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    public static async Task<int> RunAsync(CopySettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        // The source is opened and checked first: a lake that fails a check leaves nothing written, not even a folder.
        var notices = new NoticeReporter(console);
        using OpenedSource source = await SourceFactory.OpenAsync(settings.Source, settings.Dataset.Dataset, notices, cancellationToken).ConfigureAwait(false);
        CopierOptions? range = await LatestRange.ResolveAsync(settings, source, console, cancellationToken).ConfigureAwait(false);
        if (range is null) return ExitCodes.Ok;
        settings = settings with { Copier = range };
        int exit = settings.DryRun
            ? await DryRunAsync(settings, source.Source, console, cancellationToken).ConfigureAwait(false)
            : await CopyAsync(settings, source.Source, console, cancellationToken).ConfigureAwait(false);
        notices.Finish();
        return exit;
    }

    private static async Task<int> CopyAsync(CopySettings settings, ILedgerSource source, CliConsole console, CancellationToken cancellationToken)
    {
        IObjectStore store = StoreFactory.Open(settings.Dataset.Destination, readOnly: false);

        using IDisposable? disposable = store as IDisposable;
        CopierOptions options = settings.Copier;
        int partitions = (int)((options.End - options.Start + 1) / options.PartitionSize);
        if (!console.Json)
            console.Line($"Copying ledgers {options.Start}-{options.End} ({Units.Count(partitions)} partitions) from {source.Name} to {store.Description}");
        int swept = await SweepStaleTempFilesAsync(store, settings, cancellationToken).ConfigureAwait(false);
        if (swept > 0 && !console.Json)
            console.Line($"Removed {swept} temp files left by interrupted writers (untouched for over {StaleTempAge.TotalHours:0} h).");

        CopyRunSummary summary;
        using (var reporter = new CopyProgressReporter(console, partitions, source.ExpectedRowCount(options.Start, options.End)))
        {
            var copier = new LedgerCopier(store, source, options with { Progress = reporter });
            summary = await copier.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        int exit = summary.Failed > 0 ? ExitCodes.Failure : summary.Conflicts > 0 ? ExitCodes.VerificationFailed : ExitCodes.Ok;
        if (console.Json)
        {
            console.JsonLine(new SummaryLine("copy", exit)
            {
                Partitions = summary.Partitions,
                Written = summary.Written,
                Skipped = summary.Skipped,
                Healed = summary.Healed,
                Conflicts = summary.Conflicts,
                Failed = summary.Failed,
                Rows = summary.Rows,
                Bytes = summary.Bytes,
                SourceBytes = summary.SourceBytes,
                ElapsedSeconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                BytesPerSecond = Math.Round(summary.BytesPerSecond),
                SourceBytesPerSecond = Math.Round(summary.SourceBytesPerSecond),
                StaleTempFilesRemoved = store is LocalStore ? swept : null,
            }, CliJsonContext.Default.SummaryLine);
            return exit;
        }

        console.Line(
            $"Done in {Units.Seconds(summary.Elapsed)}: {summary.Written} written, {summary.Skipped} skipped, {summary.Healed} healed, "
            + $"{summary.Conflicts} conflicts, {summary.Failed} failed; {Units.Count(summary.Rows)} rows, {Units.Bytes(summary.Bytes)} of Parquet "
            + $"({Units.Rate(summary.BytesPerSecond)}; {Units.Rate(summary.SourceBytesPerSecond)} of XDR).");
        foreach (CopierEvent problem in summary.Problems)
            console.ErrorLine($"{CopyProgressReporter.Name(problem.Kind)}: range={problem.Partition.Start}-{problem.Partition.End}: {problem.Message}");
        return exit;
    }

    /// <summary>
    /// A process killed mid-write (SIGKILL, power loss) leaves a hidden temp file that nothing else removes; a local
    /// copy sweeps those under its own dataset folder. Object stores have no temp objects to sweep.
    /// </summary>
    private static async Task<int> SweepStaleTempFilesAsync(IObjectStore store, CopySettings settings, CancellationToken cancellationToken)
    {
        if (store is not LocalStore local) return 0;
        string datasetKey = settings.Dataset.Dataset.Key(settings.Dataset.Prefix);
        return await local.DeleteStaleTempFilesAsync(datasetKey, StaleTempAge, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> DryRunAsync(CopySettings settings, ILedgerSource source, CliConsole console, CancellationToken cancellationToken)
    {
        IObjectStore store = StoreFactory.Open(settings.Dataset.Destination, readOnly: true);
        using IDisposable? disposable = store as IDisposable;
        var copier = new LedgerCopier(store, source, settings.Copier);
        IReadOnlyList<PartitionPlan> plan = await copier.PlanAsync(cancellationToken).ConfigureAwait(false);

        if (!console.Json) console.Line($"Dry run: nothing is written. {store.Description}, {plan.Count} partitions.");
        foreach (string folder in DatasetFolders(settings))
        {
            if (console.Json) console.JsonLine(new KeyLine("directory", folder), CliJsonContext.Default.KeyLine);
            else console.Line($"  dir  {folder}/");
        }

        foreach (PartitionPlan partition in plan)
        {
            string status = partition.Status.ToString().ToLowerInvariant();
            long start = partition.Partition.Start, end = partition.Partition.End;
            if (console.Json)
            {
                console.JsonLine(new PartitionLine("planned", start, end, status) { Key = partition.DirectoryKey, Message = partition.Detail }, CliJsonContext.Default.PartitionLine);
                if (partition.Status == PlannedStatus.New) console.JsonLine(new KeyLine("directory", partition.DirectoryKey, start, end), CliJsonContext.Default.KeyLine);
                foreach (string key in partition.KeysToWrite) console.JsonLine(new KeyLine("file", key, start, end), CliJsonContext.Default.KeyLine);
                continue;
            }

            console.Line($"{status,-10} range={start}-{end}{(partition.Detail is null ? "" : ": " + partition.Detail)}");
            if (partition.Status == PlannedStatus.New) console.Line($"  dir  {partition.DirectoryKey}/");
            foreach (string key in partition.KeysToWrite) console.Line($"  file {key}");
        }

        int conflicts = plan.Count(p => p.Status == PlannedStatus.Conflict);
        int exit = conflicts > 0 ? ExitCodes.VerificationFailed : ExitCodes.Ok;
        int Count(PlannedStatus s) => plan.Count(p => p.Status == s);
        if (console.Json)
        {
            console.JsonLine(new SummaryLine("copy --dry-run", exit)
            {
                Partitions = plan.Count,
                Written = Count(PlannedStatus.New),
                Skipped = Count(PlannedStatus.Complete),
                Healed = Count(PlannedStatus.Incomplete),
                Conflicts = conflicts,
            }, CliJsonContext.Default.SummaryLine);
        }
        else
        {
            console.Line($"Would write {Count(PlannedStatus.New)} new partitions, heal {Count(PlannedStatus.Incomplete)}, skip {Count(PlannedStatus.Complete)} complete; "
                + $"{conflicts} conflicts.");
        }

        return exit;
    }

    // The folders above the partitions, outermost first: a local store creates each of them on the first write.
    private static IEnumerable<string> DatasetFolders(CopySettings settings)
    {
        string[] parts = settings.Dataset.Dataset.Key(settings.Dataset.Prefix).Split('/');
        for (int i = 1; i <= parts.Length; i++) yield return string.Join('/', parts[..i]);
    }
}
