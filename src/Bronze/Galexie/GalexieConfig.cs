using System.Globalization;
using System.Text.Json;

namespace Bronze.Galexie;

/// <summary>
/// A galexie data lake's <c>.config.json</c>: which network it holds, how its ledgers are compressed and how they are
/// grouped into batch files and partition folders (Stellar's SEP-54 layout).
/// </summary>
/// <param name="NetworkPassphrase">The network's passphrase, e.g. <c>Public Global Stellar Network ; September 2015</c>.</param>
/// <param name="Version">The layout version; <c>1.0</c> today.</param>
/// <param name="Compression">The batch files' compression; Bronze reads <c>zstd</c>.</param>
/// <param name="LedgersPerBatch">Ledgers in one batch file, at least 1.</param>
/// <param name="BatchesPerPartition">Batch files in one partition folder, at least 1 (1: no partition folders).</param>
public sealed record GalexieConfig(string NetworkPassphrase, string Version, string Compression, uint LedgersPerBatch, uint BatchesPerPartition)
{
    /// <summary>The key of the configuration object at the lake's root.</summary>
    public const string Key = ".config.json";

    /// <summary>The only compression Bronze reads.</summary>
    public const string Zstd = "zstd";

    /// <summary>The largest config read: a real one is under 200 bytes.</summary>
    public const int MaxBytes = 64 << 10;

    /// <summary>Parses and checks a <c>.config.json</c>.</summary>
    /// <param name="json">The file's bytes.</param>
    /// <param name="where">Where it came from (the lake's URL), for messages.</param>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> (field <c>source</c>) naming the malformed or unsupported field.
    /// </exception>
    public static GalexieConfig Parse(ReadOnlySpan<byte> json, string where)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw Bad(where, $"is not valid JSON ({e.Message})");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(where, "must be a JSON object");
            var config = new GalexieConfig(
                Text(root, "networkPassphrase", where),
                Text(root, "version", where),
                Text(root, "compression", where),
                Count(root, "ledgersPerBatch", where),
                Count(root, "batchesPerPartition", where));
            if (!string.Equals(config.Compression, Zstd, StringComparison.Ordinal))
                throw Bad(where, $"says compression \"{config.Compression}\"; Bronze reads only \"{Zstd}\" lakes");
            if (!config.Version.StartsWith("1.", StringComparison.Ordinal) && config.Version != "1")
                throw Bad(where, $"says version \"{config.Version}\"; Bronze reads layout version 1.x");
            if ((ulong)config.LedgersPerBatch * config.BatchesPerPartition > uint.MaxValue)
                throw Bad(where, "has ledgersPerBatch x batchesPerPartition above 2^32 - 1");
            return config;
        }
    }

    /// <summary>The config as galexie writes it (compact JSON, the same field order).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("networkPassphrase", NetworkPassphrase);
            writer.WriteString("version", Version);
            writer.WriteString("compression", Compression);
            writer.WriteNumber("ledgersPerBatch", LedgersPerBatch);
            writer.WriteNumber("batchesPerPartition", BatchesPerPartition);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Text(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out JsonElement value)) throw Bad(where, $"lacks \"{name}\"");
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
            throw Bad(where, $"must give \"{name}\" as a non-empty string");
        return text;
    }

    private static uint Count(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out JsonElement value)) throw Bad(where, $"lacks \"{name}\"");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetUInt32(out uint count) || count == 0)
            throw Bad(where, $"must give \"{name}\" as a whole number from 1 to {uint.MaxValue.ToString(CultureInfo.InvariantCulture)} (got {value.GetRawText()})");
        return count;
    }

    private static BronzeException Bad(string where, string what) =>
        new(BronzeErrorKind.InvalidInput, $"The galexie lake's {Key} in {where} {what}.", field: "lake");
}
