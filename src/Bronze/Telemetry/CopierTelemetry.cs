using System.Diagnostics;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bronze.Telemetry;

/// <summary>
/// The copier's logs, metrics and spans in one place, so the copier itself calls one method where a run or a partition
/// starts and one where it ends.
/// </summary>
internal sealed class CopierTelemetry(ILogger? logger, IObjectStore store)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly string _storeName = store.GetType().Name;
    private readonly string _storeDescription = store.Description;

    public Activity? StartRun(CopierOptions options, int partitions)
    {
        CopierLog.RunStarting(_logger, options.Start, options.End, options.Dataset.Key(options.Prefix), _storeDescription, partitions);
        Activity? activity = BronzeTelemetry.Source.StartActivity("bronze.copy");
        if (activity is null) return null;
        TagDataset(activity, options.Dataset);
        return activity.SetTag(TelemetryTags.Start, options.Start).SetTag(TelemetryTags.End, options.End)
            .SetTag(TelemetryTags.Store, _storeName).SetTag("bronze.partitions", partitions);
    }

    public void RunFinished(Activity? activity, CopyRunSummary summary)
    {
        CopierLog.RunFinished(_logger, summary.Succeeded ? LogLevel.Information : LogLevel.Warning, (long)summary.Elapsed.TotalMilliseconds,
            summary.Written, summary.Skipped, summary.Healed, summary.Conflicts, summary.Failed);
        if (activity is null) return;
        activity.SetTag("bronze.partitions.written", summary.Written).SetTag("bronze.partitions.skipped", summary.Skipped)
            .SetTag("bronze.partitions.healed", summary.Healed).SetTag("bronze.partitions.conflict", summary.Conflicts)
            .SetTag("bronze.partitions.failed", summary.Failed);
        if (!summary.Succeeded)
            activity.SetStatus(ActivityStatusCode.Error, $"{summary.Conflicts} conflicts, {summary.Failed} failed partitions");
    }

    public static Activity? StartPartition(PartitionRef partition)
    {
        Activity? activity = BronzeTelemetry.Source.StartActivity("bronze.partition");
        if (activity is null) return null;
        TagDataset(activity, partition.Dataset);
        return activity.SetTag(TelemetryTags.Start, partition.Start).SetTag(TelemetryTags.End, partition.End);
    }

    public static void Planned(Activity? activity, PartitionPlan plan) =>
        activity?.SetTag(TelemetryTags.PlannedStatus, plan.StatusName);

    public void PartitionFinished(Activity? activity, PartitionRef partition, PartitionOutcome outcome, TimeSpan elapsed, Exception? failure)
    {
        string name = outcome.Kind.ToString().ToLowerInvariant();
        Record(partition, name, elapsed);
        if (outcome.Kind is CopierEventKind.Written)
        {
            BronzeTelemetry.RowsWritten.Add(outcome.Rows,
                new(TelemetryTags.Network, partition.Network), new(TelemetryTags.Table, partition.Table));
        }

        activity?.SetTag(TelemetryTags.Outcome, name).SetTag(TelemetryTags.Rows, outcome.Rows).SetTag(TelemetryTags.Bytes, outcome.Bytes);
        switch (outcome.Kind)
        {
            case CopierEventKind.Written or CopierEventKind.Healed:
                CopierLog.PartitionCommitted(_logger, partition.Table, partition.Start, partition.End, name, outcome.Rows, outcome.Bytes,
                    (long)elapsed.TotalMilliseconds);
                break;
            case CopierEventKind.Skipped:
                CopierLog.PartitionSkipped(_logger, partition.Table, partition.Start, partition.End, outcome.Message);
                break;
            case CopierEventKind.Conflict:
                CopierLog.PartitionConflict(_logger, partition.Table, partition.Start, partition.End, outcome.Message);
                activity?.SetStatus(ActivityStatusCode.Error, outcome.Message);
                break;
            default:
                CopierLog.PartitionFailed(_logger, failure, partition.Table, partition.Start, partition.End, outcome.Message);
                activity?.SetStatus(ActivityStatusCode.Error, outcome.Message);
                if (failure is not null) activity?.SetTag(TelemetryTags.ErrorType, failure.GetType().FullName).AddException(failure);
                break;
        }
    }

    public void PartitionCancelled(Activity? activity, PartitionRef partition, TimeSpan elapsed)
    {
        Record(partition, "cancelled", elapsed);
        activity?.SetTag(TelemetryTags.Outcome, "cancelled");
        CopierLog.PartitionCancelled(_logger, partition.Table, partition.Start, partition.End);
    }

    private static void Record(PartitionRef partition, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { TelemetryTags.Network, partition.Network },
            { TelemetryTags.Table, partition.Table },
            { TelemetryTags.Outcome, outcome },
        };
        BronzeTelemetry.Partitions.Add(1, tags);
        BronzeTelemetry.PartitionDuration.Record(elapsed.TotalSeconds, tags);
    }

    private static void TagDataset(Activity activity, DatasetRef dataset) =>
        activity.SetTag(TelemetryTags.Network, dataset.Network).SetTag(TelemetryTags.EraId, dataset.EraId)
            .SetTag(TelemetryTags.VersionLabel, dataset.VersionLabel).SetTag(TelemetryTags.Table, dataset.Table);
}
