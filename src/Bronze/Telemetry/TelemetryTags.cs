namespace Bronze.Telemetry;

/// <summary>The tag names Bronze puts on its spans and measurements (docs/observability.md lists where each goes).</summary>
internal static class TelemetryTags
{
    public const string Network = "bronze.network";
    public const string EraId = "bronze.era_id";
    public const string VersionLabel = "bronze.version_label";
    public const string Table = "bronze.table";
    public const string Start = "bronze.partition.start";
    public const string End = "bronze.partition.end";
    public const string PlannedStatus = "bronze.partition.planned_status";
    public const string Outcome = "bronze.outcome";
    public const string Rows = "bronze.rows";
    public const string Bytes = "bronze.bytes";
    public const string Store = "bronze.store";
    public const string Key = "bronze.key";
    public const string PutKind = "bronze.put.kind";
    public const string PutOutcome = "bronze.put.outcome";

    /// <summary>OpenTelemetry's general attribute for the class of an error.</summary>
    public const string ErrorType = "error.type";
}
