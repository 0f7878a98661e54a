using System.Diagnostics;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Telemetry;
using Bronze.Tests.Copier;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bronze.Tests.Telemetry;

/// <summary>What an ETL host with the OpenTelemetry SDK sees when it subscribes to Bronze's names and nothing else.</summary>
public sealed class OpenTelemetryHostTests
{
    [Fact]
    public async Task RunAsync_HostSubscribedToBronzeNames_ExportsSpansAndMetrics()
    {
        using var fixture = new CopierFixture();
        string network = CopierTelemetryTests.UniqueNetwork();
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using TracerProvider tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(BronzeTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build();
        using MeterProvider metering = Sdk.CreateMeterProviderBuilder()
            .AddMeter(BronzeTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        CopierOptions options = CopierFixture.Options() with { Dataset = new DatasetRef(network, "pre_p23", "v1", "ledgers_lcm_raw") };

        CopyRunSummary summary = await fixture.Copier(options).RunAsync(TestContext.Current.CancellationToken);
        // Shut down before reading: other tests' copiers run at the same time and would keep adding to the lists.
        tracing.Dispose();
        metering.Dispose();

        Activity[] ours = [.. spans.Where(s => Equals(s.GetTagItem("bronze.network"), network))];
        Assert.Equal((1, 3, 6), (ours.Count(s => s.DisplayName == "bronze.copy"), ours.Count(s => s.DisplayName == "bronze.partition"),
            ours.Count(s => s.DisplayName == "bronze.put")));
        Assert.Equal(3L, Points(metrics, "bronze.partitions", network).Sum(p => p.GetSumLong()));
        Assert.Equal(summary.Rows, Points(metrics, "bronze.rows.written", network).Sum(p => p.GetSumLong()));
        Assert.Equal(6L, Points(metrics, "bronze.put.duration", network).Sum(p => p.GetHistogramCount()));
        Assert.True(Points(metrics, "bronze.bytes.written", network).Sum(p => p.GetSumLong()) > summary.Bytes);
    }

    // Sums are cumulative: the last export of an instrument holds its totals.
    private static List<MetricPoint> Points(List<MetricSnapshot> metrics, string name, string network)
    {
        var points = new List<MetricPoint>();
        foreach (MetricPoint point in metrics.Last(m => m.Name == name).MetricPoints)
        {
            foreach (KeyValuePair<string, object?> tag in point.Tags)
            {
                if (tag.Key == "bronze.network" && Equals(tag.Value, network)) points.Add(point);
            }
        }

        return points;
    }
}
