using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>The last JSON line of every command: what it did, and its exit code.</summary>
internal sealed record SummaryLine(string Command, int ExitCode)
{
    [JsonPropertyOrder(-1)]
    public string Type => "summary";

    /// <summary>This task's shard when N tasks share the range (copy): its index, from 0.</summary>
    public int? ShardIndex { get; init; }

    /// <summary>This task's shard when N tasks share the range (copy): the number of shards.</summary>
    public int? ShardCount { get; init; }

    public int? Partitions { get; init; }

    public int? Written { get; init; }

    public int? Skipped { get; init; }

    public int? Healed { get; init; }

    public int? Conflicts { get; init; }

    public int? Failed { get; init; }

    public int? Issues { get; init; }

    public bool? Valid { get; init; }

    public long? Rows { get; init; }

    public long? Bytes { get; init; }

    public long? SourceBytes { get; init; }

    public double? ElapsedSeconds { get; init; }

    public double? BytesPerSecond { get; init; }

    public double? SourceBytesPerSecond { get; init; }

    /// <summary>Temp files of killed writers that a local copy removed before it started.</summary>
    public int? StaleTempFilesRemoved { get; init; }

    public string? Message { get; init; }
}
