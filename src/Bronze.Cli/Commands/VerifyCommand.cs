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
        VerificationReport report;
        using (VerifyProgressReporter? progress = console.Json ? null : new VerifyProgressReporter(console, VerifyProgressReporter.DefaultLogInterval))
        {
            var verifier = new DatasetVerifier(store, settings.Verification with { Progress = progress });
            report = await verifier.VerifyAsync(cancellationToken).ConfigureAwait(false);
        }

        if (console.Json)
        {
            foreach (PartitionVerification partition in report.Partitions) PrintPartitionJson(console, partition);
        }
        else
        {
            // The report comes whole once every partition is verified (the library scans and plans before it reads
            // any, and verifies in parallel), so the table has all its rows and every column is as wide as its widest.
            var table = new TextTable(("status", false), ("partition", false), ("rows", true), ("bytes", true));
            foreach (PartitionVerification partition in report.Partitions)
            {
                table.Add(partition.IsValid ? "ok" : "FAILED", $"range={partition.Partition.Start}-{partition.Partition.End}",
                    partition.Rows is { } r ? Units.Count(r) : "-", partition.Bytes is { } b ? Units.Bytes(b) : "-");
            }

            foreach (string line in table.Lines(i => report.Partitions[i].Issues.Select(IssueText))) console.Line(line);
        }

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

    private static string Kind(VerificationIssue issue) => JsonNamingPolicy.SnakeCaseLower.ConvertName(issue.Kind.ToString());

    private static string IssueText(VerificationIssue issue) => $"  {Kind(issue)} {issue.Key}: {issue.Message}";

    private static void Print(CliConsole console, VerificationIssue issue)
    {
        if (console.Json)
            console.JsonLine(new IssueLine(Kind(issue), issue.Key, issue.Message, issue.Partition?.Start, issue.Partition?.End), CliJsonContext.Default.IssueLine);
        else
            console.Line(IssueText(issue));
    }

    private static void PrintPartitionJson(CliConsole console, PartitionVerification value)
    {
        console.JsonLine(new PartitionLine("verified", value.Partition.Start, value.Partition.End, value.IsValid ? "ok" : "failed")
        {
            Rows = value.Rows,
            Bytes = value.Bytes,
            Message = value.IsValid ? null : string.Join(" ", value.Issues.Select(i => i.Message)),
        }, CliJsonContext.Default.PartitionLine);
        foreach (VerificationIssue issue in value.Issues) Print(console, issue);
    }
}
