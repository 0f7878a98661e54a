using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>A periodic JSON line of a copy in progress.</summary>
internal sealed record ProgressLine(int PartitionsDone, int Partitions, long Rows, long SourceBytes, double ElapsedSeconds)
{
    [JsonPropertyOrder(-1)]
    public string Type => "progress";
}
