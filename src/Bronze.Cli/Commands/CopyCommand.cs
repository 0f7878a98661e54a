using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Copier;
using Bronze.Sources;
using Bronze.Layout;
using Bronze.Partitions;
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
        CopyRunSummary summary;
        int swept;
        using (var reporter = new CopyProgressReporter(console, source.ExpectedRowCount(options.Start, options.End)))
        {
            var copier = new LedgerCopier(store, source, options with { Progress = reporter });
            int partitions = copier.Partitions.Count;
            if (!console.Json)
                console.Line($"Copying ledgers {options.Start}-{options.End} ({Share(settings, partitions)}) from {source.Name} to {store.Description}");
            swept = await SweepStaleTempFilesAsync(store, settings, cancellationToken).ConfigureAwait(false);
            if (swept > 0 && !console.Json)
                console.Line($"Removed {swept} temp files left by interrupted writers (untouched for over {StaleTempAge.TotalHours:0} h).");
            reporter.Start(partitions);
            summary = await copier.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        int exit = summary.FailedOnlyTransiently ? ExitCodes.TransientFailure
            : summary.Failed > 0 ? ExitCodes.Failure
            : summary.Conflicts > 0 ? ExitCodes.VerificationFailed
            : ExitCodes.Ok;
        if (console.Json)
        {
            console.JsonLine(new SummaryLine("copy", exit)
            {
                ShardIndex = options.Shard.Index,
                ShardCount = options.Shard.Count,
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
            + $"({Units.Rate(summary.BytesPerSecond)}; {Units.Rate(summary.SourceBytesPerSecond)} of XDR)."
            + (options.Shard.Count > 1 ? $" Shard {options.Shard}." : "")
            + (exit == ExitCodes.TransientFailure ? " Every failure was transient: run it again to resume (exit 75)." : ""));
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
        if (!console.Json) console.Line($"Dry run: nothing is written. {store.Description}, {Share(settings, copier.Partitions.Count)}.");
        string? shard = settings.Copier.Shard.Count > 1 ? settings.Copier.Shard.ToString() : null;
        foreach (string folder in DatasetFolders(settings))
        {
            if (console.Json) console.JsonLine(new KeyLine("directory", folder), CliJsonContext.Default.KeyLine);
            else console.Line($"  dir  {folder}/");
        }

        var counts = new Dictionary<PartitionState, int>();
        await foreach (PartitionPlan partition in copier.PlanAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[partition.Status] = counts.GetValueOrDefault(partition.Status) + 1;
            string status = partition.StatusName;
            long start = partition.Partition.Start, end = partition.Partition.End;
            if (console.Json)
            {
                console.JsonLine(
                    new PartitionLine("planned", start, end, status) { Key = partition.DirectoryKey, Shard = shard, Message = partition.Detail },
                    CliJsonContext.Default.PartitionLine);
                if (partition.Status == PartitionState.Absent) console.JsonLine(new KeyLine("directory", partition.DirectoryKey, start, end), CliJsonContext.Default.KeyLine);
                foreach (string key in partition.KeysToWrite) console.JsonLine(new KeyLine("file", key, start, end), CliJsonContext.Default.KeyLine);
                continue;
            }

            console.Line($"{status,-10} range={start}-{end}{(shard is null ? "" : " shard " + shard)}{(partition.Detail is null ? "" : ": " + partition.Detail)}");
            if (partition.Status == PartitionState.Absent) console.Line($"  dir  {partition.DirectoryKey}/");
            foreach (string key in partition.KeysToWrite) console.Line($"  file {key}");
        }

        int Count(PartitionState s) => counts.GetValueOrDefault(s);
        int conflicts = Count(PartitionState.Conflict);
        int exit = conflicts > 0 ? ExitCodes.VerificationFailed : ExitCodes.Ok;
        if (console.Json)
        {
            console.JsonLine(new SummaryLine("copy --dry-run", exit)
            {
                ShardIndex = settings.Copier.Shard.Index,
                ShardCount = settings.Copier.Shard.Count,
                Partitions = copier.Partitions.Count,
                Written = Count(PartitionState.Absent),
                Skipped = Count(PartitionState.Complete),
                Healed = Count(PartitionState.Incomplete),
                Conflicts = conflicts,
            }, CliJsonContext.Default.SummaryLine);
        }
        else
        {
            console.Line($"Would write {Count(PartitionState.Absent)} new partitions, heal {Count(PartitionState.Incomplete)}, skip {Count(PartitionState.Complete)} complete; "
                + $"{conflicts} conflicts.");
        }

        return exit;
    }

    /// <summary>"20 partitions", or for one shard of several "shard 1/4: 5 of 20 partitions".</summary>
    private static string Share(CopySettings settings, int mine)
    {
        CopierOptions options = settings.Copier;
        if (options.Shard.Count == 1) return $"{Units.Count(mine)} partitions";
        long all = (options.End - options.Start + 1) / options.PartitionSize;
        return $"shard {options.Shard}: {Units.Count(mine)} of {Units.Count(all)} partitions, k mod {options.Shard.Count} = {options.Shard.Index}";
    }

    // The folders above the partitions, outermost first: a local store creates each of them on the first write.
    private static IEnumerable<string> DatasetFolders(CopySettings settings)
    {
        string[] parts = settings.Dataset.Dataset.Key(settings.Dataset.Prefix).Split('/');
        for (int i = 1; i <= parts.Length; i++) yield return string.Join('/', parts[..i]);
    }
}
