using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Layout;
using Bronze.Partitions;
using Bronze.Storage;

namespace Bronze.Cli.Commands;

/// <summary><c>bronze ls</c>: the dataset's partitions with their status, rows and bytes; exit code 3 when one is a conflict. Reads only.</summary>
internal static class ListCommand
{
    public static async Task<int> RunAsync(ListSettings list, CliConsole console, CancellationToken cancellationToken)
    {
        DatasetSettings settings = list.Dataset;
        long from = list.Start ?? 0;
        string? shard = list.Shard.Count > 1 ? list.Shard.ToString() : null;
        IObjectStore store = StoreFactory.Open(settings.Destination, readOnly: true);
        using IDisposable? disposable = store as IDisposable;
        var partitions = new PartitionStore(store, settings.Prefix);
        int count = 0, conflicts = 0;
        long rows = 0, bytes = 0;
        if (!console.Json)
        {
            console.Line($"{store.Description} {settings.Dataset.Key(settings.Prefix)}/"
                + (shard is null ? "" : $" shard {shard}: partitions k with k mod {list.Shard.Count} = {list.Shard.Index}, k counted from ledger {from}"));
        }

        // Human output waits for the last partition: a column's width is its widest cell's.
        var table = new TextTable(("partition", false), ("status", false), ("rows", true), ("bytes", true), ("reason", false));
        await foreach (PartitionRef partition in partitions.ListPartitionsAsync(settings.Dataset, cancellationToken).ConfigureAwait(false))
        {
            // The partition's position in a range starting at `from`, as the copier counts it for its shard filter.
            long k = (partition.Start - from) / (partition.End - partition.Start + 1);
            if (partition.Start < from || !list.Shard.Owns(k)) continue;
            PartitionStatus found = await partitions.GetStatusAsync(partition, cancellationToken).ConfigureAwait(false);
            long? partitionRows = found.Manifest?.Tables.GetValueOrDefault(partition.Table)?.RowCount;
            long? size = found.Data?.Size;
            string status = found.State.ToString().ToLowerInvariant();
            count++;
            if (found.State == PartitionState.Conflict) conflicts++;
            rows += partitionRows ?? 0;
            bytes += size ?? 0;
            if (console.Json)
            {
                console.JsonLine(new PartitionLine("listed", partition.Start, partition.End, status)
                {
                    Key = partition.DirectoryKey(settings.Prefix),
                    Rows = partitionRows,
                    Bytes = size,
                    Shard = shard,
                    Message = found.Reason,
                }, CliJsonContext.Default.PartitionLine);
            }
            else
            {
                table.Add($"range={partition.Start}-{partition.End}", status, partitionRows is { } r ? Units.Count(r) : "-",
                    size is { } b ? Units.Bytes(b) : "-", found.Reason ?? "");
            }
        }

        foreach (string line in table.Lines()) console.Line(line);

        // A conflict is what copy would refuse (exit 3 there too), so a script running ls learns of it from the exit
        // code alone; an incomplete partition is not one: the next copy heals it.
        int exit = conflicts > 0 ? ExitCodes.VerificationFailed : ExitCodes.Ok;
        if (console.Json)
        {
            console.JsonLine(
                new SummaryLine("ls", exit) { Partitions = count, Conflicts = conflicts, Rows = rows, Bytes = bytes }, CliJsonContext.Default.SummaryLine);
        }
        else
        {
            console.Line($"{count} partitions, {Units.Count(rows)} rows, {Units.Bytes(bytes)}; {conflicts} conflicts.");
        }

        return exit;
    }
}
