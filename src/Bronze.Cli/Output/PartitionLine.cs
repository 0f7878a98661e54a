using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>A JSON line about one partition (copy events, dry-run plan, verify result, ls entry).</summary>
internal sealed record PartitionLine(string Event, long Start, long End, string Status)
{
    [JsonPropertyOrder(-1)]
    public string Type => "partition";

    public string? Key { get; init; }

    public long? Rows { get; init; }

    public long? Bytes { get; init; }

    public double? ElapsedSeconds { get; init; }

    /// <summary>The shard (<c>I/N</c>) the partition belongs to, when a dry-run or ls was given <c>--shard</c>.</summary>
    public string? Shard { get; init; }

    public string? Message { get; init; }
}
