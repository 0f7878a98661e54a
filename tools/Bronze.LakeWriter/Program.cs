using System.Globalization;
using Bronze;
using Bronze.Galexie;
using Bronze.Layout;
using Bronze.LakeWriter;
using Bronze.Sources;

// Writes a synthetic galexie lake, e.g. for a benchmark or a demo:
//   dotnet run --project tools/Bronze.LakeWriter -c Release -- --dir /tmp/lake --start 2 --end 20001 \
//     [--ledgers-per-batch 1] [--batches-per-partition 64000] [--network pubnet] [--passphrase P] [--era pre_p23]
//     [--ext zst] [--xdr-mean-bytes 20480]
var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i + 1 < args.Length; i += 2) values[args[i]] = args[i + 1];
string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
long Number(string name, long fallback) => long.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

if (!values.TryGetValue("--dir", out string? directory) || args.Length % 2 != 0)
{
    await Console.Error.WriteLineAsync("usage: Bronze.LakeWriter --dir DIR --start N --end N [--ledgers-per-batch 1] [--batches-per-partition 64000] "
        + "[--network pubnet] [--passphrase P] [--era pre_p23] [--ext zst|zstd] [--xdr-mean-bytes 20480]").ConfigureAwait(false);
    return 2;
}

string network = Get("--network", "pubnet");
string passphrase = values.TryGetValue("--passphrase", out string? given) ? given : GalexieNetworks.Passphrases[network];
var config = new GalexieConfig(
    passphrase, "1.0", GalexieConfig.Zstd, (uint)Number("--ledgers-per-batch", 1), (uint)Number("--batches-per-partition", 64_000));
var dataset = new DatasetRef(network, Get("--era", "pre_p23"), "v1", "ledgers_lcm_raw");
var options = new SyntheticLedgerOptions { MeanXdrBytes = (int)Number("--xdr-mean-bytes", SyntheticLedgerOptions.DefaultMeanXdrBytes) };
int files = await SyntheticLake.WriteAsync(
    directory, config, dataset, Number("--start", GalexieLake.FirstLedger), Number("--end", 10_001), options, Get("--ext", GalexieLayout.Extension)).ConfigureAwait(false);
await Console.Out.WriteLineAsync($"Wrote {files} batch files to {Path.GetFullPath(directory)}.").ConfigureAwait(false);
return 0;
