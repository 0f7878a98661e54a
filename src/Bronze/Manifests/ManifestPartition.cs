using System.Text.Json.Serialization;
using Bronze.Layout;

namespace Bronze.Manifests;

/// <summary>The partition a manifest commits.</summary>
public sealed record ManifestPartition
{
    /// <summary>The first ledger of the partition's range.</summary>
    [JsonRequired]
    public required long Start { get; init; }

    /// <summary>The last ledger of the partition's range, inclusive.</summary>
    [JsonRequired]
    public required long End { get; init; }

    /// <summary>The era id.</summary>
    [JsonRequired]
    public required string EraId { get; init; }

    /// <summary>The version label.</summary>
    [JsonRequired]
    public required string Version { get; init; }

    /// <summary>The network.</summary>
    [JsonRequired]
    public required string Network { get; init; }

    /// <summary>What the manifest of <paramref name="partition"/> says; a record, so it compares by value.</summary>
    /// <param name="partition">The partition.</param>
    public static ManifestPartition Of(PartitionRef partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return new ManifestPartition
        {
            Start = partition.Start,
            End = partition.End,
            EraId = partition.EraId,
            Version = partition.VersionLabel,
            Network = partition.Network,
        };
    }
}
