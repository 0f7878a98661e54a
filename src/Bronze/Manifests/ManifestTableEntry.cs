using System.Text.Json.Serialization;

namespace Bronze.Manifests;

/// <summary>One table's data file within a partition, with what verification checks it against.</summary>
public sealed record ManifestTableEntry
{
    /// <summary>The data file's name within the partition folder, e.g. <c>part-0-9999.parquet</c>.</summary>
    [JsonRequired]
    public required string File { get; init; }

    /// <summary>The sha256 of the file's bytes, as <c>sha256:</c> followed by 64 lower-case hex digits.</summary>
    [JsonRequired]
    public required string Checksum { get; init; }

    /// <summary>The number of rows in the file (its Parquet footer says the same).</summary>
    [JsonRequired]
    public required long RowCount { get; init; }

    /// <summary>The file's size in bytes.</summary>
    [JsonRequired]
    public required long ByteSize { get; init; }

    /// <summary>The Parquet compression codec of the file's column chunks, e.g. <c>zstd</c>; <see langword="null"/> if unknown.</summary>
    public string? Codec { get; init; }

    /// <summary>The lowest ledger sequence in the file; <see langword="null"/> when the file has no rows.</summary>
    public long? FirstLedger { get; init; }

    /// <summary>The highest ledger sequence in the file; <see langword="null"/> when the file has no rows.</summary>
    public long? LastLedger { get; init; }
}
