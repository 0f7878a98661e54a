using System.Diagnostics;
using System.Diagnostics.Metrics;
using Bronze.Telemetry;

namespace Bronze;

/// <summary>
/// The names under which Bronze publishes traces (an <see cref="System.Diagnostics.ActivitySource"/>) and metrics (a
/// <see cref="System.Diagnostics.Metrics.Meter"/>). A host with OpenTelemetry sees them once it subscribes to these
/// names, e.g. <c>AddSource(BronzeTelemetry.ActivitySourceName)</c> and <c>AddMeter(BronzeTelemetry.MeterName)</c>;
/// docs/observability.md lists every span, instrument and tag.
/// </summary>
public static class BronzeTelemetry
{
    /// <summary>The name of Bronze's activity source: <c>Bronze</c>.</summary>
    public const string ActivitySourceName = "Bronze";

    /// <summary>The name of Bronze's meter: <c>Bronze</c>.</summary>
    public const string MeterName = "Bronze";

    private static readonly string? Version = typeof(BronzeTelemetry).Assembly.GetName().Version?.ToString(3);

    // Put latencies run from a few milliseconds (a local manifest) to minutes (a large file streamed to a cloud store).
    private static readonly double[] PutBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    // Partitions take from milliseconds (skipped) to many minutes (a large partition written to a slow store).
    private static readonly double[] PartitionBuckets = [0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    internal static ActivitySource Source { get; } = new(ActivitySourceName, Version);

    internal static Meter Meter { get; } = new(MeterName, Version);

    internal static Counter<long> BytesWritten { get; } = Meter.CreateCounter<long>(
        "bronze.bytes.written", "By", "Bytes of the objects this process created in a store (data files and manifests).");

    internal static Counter<long> RowsWritten { get; } = Meter.CreateCounter<long>(
        "bronze.rows.written", "{row}", "Rows in the data files this process wrote and committed.");

    internal static Counter<long> Partitions { get; } = Meter.CreateCounter<long>(
        "bronze.partitions", "{partition}", "Partitions the copier finished, by outcome.");

    internal static Histogram<double> PartitionDuration { get; } = Meter.CreateHistogram(
        "bronze.partition.duration", "s", "Time the copier spent on one partition, from planning to commit.", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = PartitionBuckets });

    internal static Histogram<double> PutDuration { get; } = Meter.CreateHistogram(
        "bronze.put.duration", "s", "Duration of one put-if-absent, from its start until the store answered.", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = PutBuckets });
}
