using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>The JSON line of <c>bronze lake</c>: a galexie lake's config and the ledgers it holds.</summary>
internal sealed record LakeLine(string Source, string NetworkPassphrase, string? Network, string Version, string Compression, uint LedgersPerBatch, uint BatchesPerPartition)
{
    [JsonPropertyOrder(-1)]
    public string Type => "lake";

    public long? OldestLedger { get; init; }

    public long? NewestLedger { get; init; }
}
