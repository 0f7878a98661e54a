using Bronze.Cli.Commands;
using Bronze.Galexie;
using Bronze.Locations;
using Bronze.Sources;

namespace Bronze.Cli.Settings;

/// <summary>Where <c>bronze copy</c> reads ledgers: the synthetic source, or a galexie lake and how to read it.</summary>
/// <param name="Lake">The lake's location, or <see langword="null"/> for the synthetic source.</param>
/// <param name="Passphrase">The network passphrase given, if any.</param>
/// <param name="Lakes">How to read a lake.</param>
/// <param name="Synthetic">The synthetic source's options.</param>
/// <param name="Origins">Where each field came from (<c>lake</c>, <c>network_passphrase</c>, ...), to name the flag in errors.</param>
internal sealed record SourceSettings(
    StoreSetting? Lake, Setting<string>? Passphrase, GalexieSourceOptions Lakes, SyntheticLedgerOptions Synthetic, IReadOnlyDictionary<string, string> Origins)
{
    public const string SyntheticName = "synthetic";

    /// <summary>
    /// Reads <c>--source</c> (LEDGER_SOURCE), <c>--network-passphrase</c> (NETWORK_PASSPHRASE) and the lake's knobs. A
    /// lake's URL is taken as written: the destination's variables (S3_BUCKET, S3_ENDPOINT, S3_REGION, GCS_BUCKET,
    /// STORAGE_PREFIX) do not apply to it; client variables (AWS_REGION, STORAGE_EMULATOR_HOST) and credentials do.
    /// </summary>
    public static SourceSettings Read(
        SettingReader reader, CliOptions options, Func<string, string?> environment, IReadOnlyDictionary<string, string> origins)
    {
        Setting<string> source = reader.String(options.Source, "LEDGER_SOURCE", SyntheticName);
        Setting<string>? passphrase = reader.Raw(options.NetworkPassphrase, "NETWORK_PASSPHRASE");
        Setting<int> reads = reader.Int(
            options.ReadsInFlight, null, GalexieSourceOptions.DefaultMaxReadsInFlight, 1, GalexieSourceOptions.MaxReadsInFlightLimit);
        StoreSetting? lake = string.Equals(source.Value, SyntheticName, StringComparison.OrdinalIgnoreCase)
            ? null
            : StoreSetting.Parse(source.Value, source.Origin, new StoreEnvironment(environment).AsWritten());
        var all = new Dictionary<string, string>(origins)
        {
            ["lake"] = source.Origin,
            ["network_passphrase"] = passphrase?.Origin ?? options.NetworkPassphrase.Name,
            ["reads_in_flight"] = reads.Origin,
        };
        if (lake is null && passphrase is not null)
            throw new CliUsageException($"{passphrase.Origin} applies only to a galexie lake source (--source is synthetic).", passphrase.Origin);
        return new SourceSettings(lake, passphrase, new GalexieSourceOptions { MaxReadsInFlight = reads.Value }, new SyntheticLedgerOptions(), all);
    }
}
