using System.Text.Json.Serialization;

namespace Bronze.Manifests;

/// <summary>
/// A partition's <c>_manifest.json</c>: what the partition holds and how to check it. Its presence is the partition's
/// commit marker. The JSON shape is fixed by <c>schemas/manifest.schema.json</c>.
/// </summary>
public sealed record Manifest
{
    /// <summary>The manifest format's version; <see cref="CurrentFormatVersion"/> for manifests written now.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The manifest format's version.</summary>
    [JsonRequired]
    public int ManifestVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Which partition this manifest commits.</summary>
    [JsonRequired]
    public required ManifestPartition Partition { get; init; }

    /// <summary>The partition's files, by table name (one entry for <c>ledgers_lcm_raw</c>).</summary>
    [JsonRequired]
    public required IReadOnlyDictionary<string, ManifestTableEntry> Tables { get; init; }

    /// <summary>What wrote the partition.</summary>
    [JsonRequired]
    public required ManifestProducer Producer { get; init; }

    /// <summary>When the manifest was generated, UTC, to the second.</summary>
    [JsonRequired]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public required DateTimeOffset CreatedAt { get; init; }
}
