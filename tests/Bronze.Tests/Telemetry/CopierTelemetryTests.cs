using System.Diagnostics;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Tests.Copier;
using Microsoft.Extensions.Logging;

namespace Bronze.Tests.Telemetry;

public sealed class CopierTelemetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_EmptyStoreThenAgain_PublishesSpansPerPartitionAndPutAndTheirMetrics()
    {
        using var fixture = new CopierFixture();
        using var capture = new TelemetryCapture(UniqueNetwork());
        CopierOptions options = CopierFixture.Options() with { Dataset = Dataset(capture.Network) };

        CopyRunSummary summary = await fixture.Copier(options).RunAsync(Token);

        Activity run = Assert.Single(capture.Spans("bronze.copy"));
        IReadOnlyList<Activity> partitions = capture.Spans("bronze.partition");
        Assert.Equal([0L, 10L, 20L], partitions.Select(p => (long)p.GetTagItem("bronze.partition.start")!).Order());
        Assert.All(partitions, p => Assert.Equal((run.SpanId, "written", "new"),
            (p.ParentSpanId, p.GetTagItem("bronze.outcome"), p.GetTagItem("bronze.partition.planned_status"))));
        IReadOnlyList<Activity> puts = capture.Spans("bronze.put");
        Assert.Equal(6, puts.Count);
        Assert.All(puts, p => Assert.Contains(p.ParentSpanId, partitions.Select(s => s.SpanId)));
        Assert.All(puts, p => Assert.Equal(("created", "LocalStore"), (p.GetTagItem("bronze.put.outcome"), p.GetTagItem("bronze.store"))));
        Assert.Equal(summary.Bytes, puts.Where(p => Equals(p.GetTagItem("bronze.put.kind"), "data")).Sum(p => (long)p.GetTagItem("bronze.bytes")!));

        Assert.Equal(3, Sum(capture, "bronze.partitions", ("bronze.outcome", "written")));
        Assert.Equal(3, capture.Measurements("bronze.partition.duration", ("bronze.outcome", "written")).Count);
        Assert.Equal(29, Sum(capture, "bronze.rows.written"));
        Assert.Equal(summary.Bytes, Sum(capture, "bronze.bytes.written", ("bronze.put.kind", "data")));
        long manifestBytes = Directory.EnumerateFiles(fixture.Root, "_manifest.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.Equal(manifestBytes, Sum(capture, "bronze.bytes.written", ("bronze.put.kind", "manifest")));
        Assert.Equal(3, capture.Measurements("bronze.put.duration", ("bronze.put.kind", "data"), ("bronze.put.outcome", "created")).Count);
        Assert.Equal(3, capture.Measurements("bronze.put.duration", ("bronze.put.kind", "manifest"), ("bronze.put.outcome", "created")).Count);

        await fixture.Copier(options).RunAsync(Token);

        Assert.Equal(3, Sum(capture, "bronze.partitions", ("bronze.outcome", "skipped")));
        Assert.Equal(6, capture.Measurements("bronze.put.duration").Count);
        Assert.Equal(29, Sum(capture, "bronze.rows.written"));
    }

    [Fact]
    public async Task RunAsync_ConflictAndFailure_MarksTheirSpansAsErrorsAndCountsEachOutcome()
    {
        using var fixture = new CopierFixture();
        using var capture = new TelemetryCapture(UniqueNetwork());

        CopyRunSummary summary = await RunWithConflictAndFailureAsync(fixture, capture.Network, logger: null);

        Assert.Equal((1, 1, 1), (summary.Written, summary.Conflicts, summary.Failed));
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(capture.Spans("bronze.copy")).Status);
        Dictionary<string, Activity> byOutcome = capture.Spans("bronze.partition").ToDictionary(p => (string)p.GetTagItem("bronze.outcome")!);
        Assert.Equal(ActivityStatusCode.Unset, byOutcome["written"].Status);
        Assert.Equal(ActivityStatusCode.Error, byOutcome["conflict"].Status);
        Assert.Contains("differs", byOutcome["conflict"].StatusDescription, StringComparison.Ordinal);
        Activity failed = byOutcome["failed"];
        Assert.Equal((ActivityStatusCode.Error, "Bronze.BronzeException"), (failed.Status, failed.GetTagItem("error.type")));
        Assert.Contains(failed.Events, e => e.Name == "exception");
        foreach (string outcome in new[] { "written", "conflict", "failed" })
            Assert.Equal(1, Sum(capture, "bronze.partitions", ("bronze.outcome", outcome)));
        Assert.Equal(10, Sum(capture, "bronze.rows.written"));
    }

    [Fact]
    public async Task RunAsync_WithLogger_LogsTheRunAndEachPartitionAtItsLevel()
    {
        using var fixture = new CopierFixture();
        var logger = new ListLogger();

        await RunWithConflictAndFailureAsync(fixture, UniqueNetwork(), logger);

        IReadOnlyList<ListLogger.Entry> entries = logger.Entries;
        Assert.Equal([1, 2, 4, 5, 7], entries.Select(e => e.EventId).Order());
        Assert.Equal(LogLevel.Information, entries.Single(e => e.EventId == 2).Level);
        Assert.Contains("10-19 written: 10 rows", entries.Single(e => e.EventId == 2).Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Warning, entries.Single(e => e.EventId == 4).Level);
        ListLogger.Entry failed = entries.Single(e => e.EventId == 5);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Contains("20-29", failed.Message, StringComparison.Ordinal);
        Assert.NotNull(failed.Exception);
        ListLogger.Entry finished = entries.Single(e => e.EventId == 7);
        Assert.Equal(LogLevel.Warning, finished.Level);
        Assert.Contains("1 written, 0 skipped, 0 healed, 1 conflicts, 1 failed", finished.Message, StringComparison.Ordinal);
    }

    /// <summary>Partition 0-9 conflicts (other bytes stored), 10-19 is written, 20-29 fails (the source loses a ledger).</summary>
    private static async Task<CopyRunSummary> RunWithConflictAndFailureAsync(CopierFixture fixture, string network, ILogger? logger)
    {
        DatasetRef dataset = Dataset(network);
        await fixture.Store.PutIfAbsentAsync(dataset.Partition(0, 9).DataKey("lake"), new MemoryStream([1, 2, 3, 4]), Token);
        CopierOptions options = CopierFixture.Options() with { Dataset = dataset, Logger = logger };
        return await fixture.Copier(options, new GappySource(fixture.Source, missingLedger: 25)).RunAsync(Token);
    }

    private static double Sum(TelemetryCapture capture, string instrument, params (string Key, string Value)[] tags) =>
        capture.Measurements(instrument, tags).Sum(m => m.Value);

    private static DatasetRef Dataset(string network) => new(network, "pre_p23", "v1", "ledgers_lcm_raw");

    internal static string UniqueNetwork() => "telemetry-" + Guid.NewGuid().ToString("N")[..12];
}
