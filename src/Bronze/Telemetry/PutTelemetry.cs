using System.Diagnostics;
using Bronze.Layout;
using Bronze.Storage;

namespace Bronze.Telemetry;

/// <summary>Wraps one put-if-absent in a <c>bronze.put</c> span and records its latency and the bytes it created.</summary>
internal static class PutTelemetry
{
    public const string Data = "data";
    public const string Manifest = "manifest";

    public static async Task<PutResult> TrackAsync(
        IObjectStore store, PartitionRef partition, string key, string kind, Func<CancellationToken, Task<PutResult>> put,
        CancellationToken cancellationToken)
    {
        var tags = new TagList
        {
            { TelemetryTags.Store, store.GetType().Name },
            { TelemetryTags.Network, partition.Network },
            { TelemetryTags.Table, partition.Table },
            { TelemetryTags.PutKind, kind },
        };
        using Activity? activity = BronzeTelemetry.Source.StartActivity("bronze.put", ActivityKind.Internal, default(ActivityContext), tags);
        activity?.SetTag(TelemetryTags.Key, key);
        long started = Stopwatch.GetTimestamp();
        try
        {
            PutResult result = await put(cancellationToken).ConfigureAwait(false);
            string outcome = result.Created ? "created" : "already_exists";
            if (result.Created) BronzeTelemetry.BytesWritten.Add(result.Size, tags);
            Record(started, tags, outcome, errorType: null);
            activity?.SetTag(TelemetryTags.PutOutcome, outcome).SetTag(TelemetryTags.Bytes, result.Size);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(started, tags, "cancelled", errorType: null);
            activity?.SetTag(TelemetryTags.PutOutcome, "cancelled");
            throw;
        }
        catch (Exception e)
        {
            string errorType = e.GetType().FullName ?? e.GetType().Name;
            Record(started, tags, "failed", errorType);
            activity?.SetTag(TelemetryTags.PutOutcome, "failed").SetTag(TelemetryTags.ErrorType, errorType)
                .SetStatus(ActivityStatusCode.Error, e.Message).AddException(e);
            throw;
        }
    }

    // The tags are a copy (TagList is a struct): the outcome goes on the latency only, not on the bytes written.
    private static void Record(long started, TagList tags, string outcome, string? errorType)
    {
        tags.Add(TelemetryTags.PutOutcome, outcome);
        if (errorType is not null) tags.Add(TelemetryTags.ErrorType, errorType);
        BronzeTelemetry.PutDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
