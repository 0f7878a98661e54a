using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>Source-generated JSON metadata for the CLI's output lines: snake_case, one line each, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PartitionLine))]
[JsonSerializable(typeof(KeyLine))]
[JsonSerializable(typeof(IssueLine))]
[JsonSerializable(typeof(ProgressLine))]
[JsonSerializable(typeof(SummaryLine))]
[JsonSerializable(typeof(ErrorLine))]
[JsonSerializable(typeof(NoticeLine))]
[JsonSerializable(typeof(LakeLine))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
