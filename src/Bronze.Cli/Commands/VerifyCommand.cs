using System.Text.Json;
using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Storage;
using Bronze.Verification;

namespace Bronze.Cli.Commands;

/// <summary><c>bronze verify</c>: re-reads and checks every partition; exit code 3 when anything is wrong. Reads only.</summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(VerifySettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        IObjectStore store = StoreFactory.Open(settings.Dataset.Destination, readOnly: true);
        using IDisposable? disposable = store as IDisposable;
        string scope = settings.Verification.Start is { } s ? $"ledgers {s}-{settings.Verification.End}" : "every partition";
        if (!console.Json) console.Line($"Verifying {scope} of {store.Description} {settings.Dataset.Dataset.Key(settings.Dataset.Prefix)}/");
        var verifier = new DatasetVerifier(store, settings.Verification);
        VerificationReport report = await verifier.VerifyAsync(cancellationToken).ConfigureAwait(false);
        foreach (PartitionVerification partition in report.Partitions) PrintPartition(console, partition);

        foreach (VerificationIssue issue in report.OtherIssues) Print(console, issue);
        int issues = report.Issues.Count();
        bool empty = report.Partitions.Count == 0;
        int exit = report.IsValid && !empty ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        string message = empty ? "No partitions found: nothing verified." : report.IsValid ? "Verified." : "Verification FAILED.";
        if (console.Json)
        {
            console.JsonLine(new SummaryLine("verify", exit)
            {
                Partitions = report.Partitions.Count,
                Failed = report.Partitions.Count(p => !p.IsValid),
                Issues = issues,
                Valid = exit == ExitCodes.Ok,
                Rows = report.Rows,
                Bytes = report.Bytes,
                ElapsedSeconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                Message = message,
            }, CliJsonContext.Default.SummaryLine);
        }
        else
        {
            console.Line($"{message} {report.Partitions.Count} partitions, {report.Partitions.Count(p => !p.IsValid)} failed, {issues} issues; "
                + $"{Units.Count(report.Rows)} rows, {Units.Bytes(report.Bytes)} in {Units.Seconds(report.Elapsed)}.");
        }

        return exit;
    }

    private static void Print(CliConsole console, VerificationIssue issue)
    {
        string kind = JsonNamingPolicy.SnakeCaseLower.ConvertName(issue.Kind.ToString());
        if (console.Json)
            console.JsonLine(new IssueLine(kind, issue.Key, issue.Message, issue.Partition?.Start, issue.Partition?.End), CliJsonContext.Default.IssueLine);
        else
            console.Line($"  {kind} {issue.Key}: {issue.Message}");
    }

    private static void PrintPartition(CliConsole console, PartitionVerification value)
    {
        string status = value.IsValid ? "ok" : "failed";
        if (console.Json)
        {
            console.JsonLine(new PartitionLine("verified", value.Partition.Start, value.Partition.End, status)
            {
                Rows = value.Rows,
                Bytes = value.Bytes,
                Message = value.IsValid ? null : string.Join(" ", value.Issues.Select(i => i.Message)),
            }, CliJsonContext.Default.PartitionLine);
        }
        else
        {
            string rows = value.Rows is { } r ? Units.Count(r) + " rows" : "- rows";
            string bytes = value.Bytes is { } b ? Units.Bytes(b) : "-";
            console.Line($"{(value.IsValid ? "ok" : "FAILED"),-7} range={value.Partition.Start}-{value.Partition.End,-12} {rows,16} {bytes,12}");
        }

        foreach (VerificationIssue issue in value.Issues) Print(console, issue);
    }
}
