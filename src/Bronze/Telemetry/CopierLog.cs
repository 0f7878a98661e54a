using Microsoft.Extensions.Logging;

namespace Bronze.Telemetry;

/// <summary>The copier's log messages, generated once so a disabled level costs a check and nothing else.</summary>
internal static partial class CopierLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Copying ledgers {Start}-{End} of {Dataset} into {Store}: {Partitions} partitions")]
    public static partial void RunStarting(ILogger logger, long start, long end, string dataset, string store, int partitions);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Partition {Table} {Start}-{End} {Outcome}: {Rows} rows, {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void PartitionCommitted(ILogger logger, string table, long start, long end, string outcome, long rows, long bytes, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Partition {Table} {Start}-{End} skipped: {Reason}")]
    public static partial void PartitionSkipped(ILogger logger, string table, long start, long end, string? reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Partition {Table} {Start}-{End} conflicts with the store, nothing was overwritten: {Reason}")]
    public static partial void PartitionConflict(ILogger logger, string table, long start, long end, string? reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "Partition {Table} {Start}-{End} failed, nothing of it was published: {Reason}")]
    public static partial void PartitionFailed(ILogger logger, Exception? exception, string table, long start, long end, string? reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Partition {Table} {Start}-{End} cancelled, nothing of it was published")]
    public static partial void PartitionCancelled(ILogger logger, string table, long start, long end);

    [LoggerMessage(EventId = 7,
        Message = "Copy finished in {ElapsedMs} ms: {Written} written, {Skipped} skipped, {Healed} healed, {Conflicts} conflicts, {Failed} failed")]
    public static partial void RunFinished(ILogger logger, LogLevel level, long elapsedMs, int written, int skipped, int healed, int conflicts, int failed);
}
