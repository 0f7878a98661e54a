using Bronze.Galexie;
using Bronze.LakeWriter;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.Benchmarks.Galexie;

/// <summary>
/// The synthetic lake the lake benchmarks copy: two whole partitions of ledgers [size, 3 x size - 1] of the synthetic
/// source (real-format LedgerCloseMeta, 20 KiB mean), one ledger per batch file as SDF's public lakes hold them, under
/// galexie's partition folders.
/// </summary>
internal sealed record BenchLake(string Root, long Start, long End, long PartitionSize, int MeanXdrBytes)
{
    public static readonly DatasetRef Dataset = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw");

    public static async Task<BenchLake> WriteAsync(string folder, bool quick, CancellationToken cancellationToken)
    {
        long size = quick ? 250 : 10_000;
        var lake = new BenchLake(Path.Join(folder, "lake"), size, (3 * size) - 1, size, quick ? 2048 : SyntheticLedgerOptions.DefaultMeanXdrBytes);
        var config = new GalexieConfig(GalexieNetworks.Passphrases["pubnet"], "1.0", GalexieConfig.Zstd, 1, 64_000);
        await SyntheticLake.WriteAsync(lake.Root, config, Dataset, lake.Start, lake.End,
            new SyntheticLedgerOptions { MeanXdrBytes = lake.MeanXdrBytes }, cancellationToken: cancellationToken);
        return lake;
    }

    public long Ledgers => End - Start + 1;

    /// <summary>The <c>bronze copy</c> arguments that copy the whole lake from <paramref name="source"/>.</summary>
    public string[] CopyArgs(string source, string dest, int parallel) =>
    [
        "copy", "--source", source, "--dest", dest, "--start", Start.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--end", End.ToString(System.Globalization.CultureInfo.InvariantCulture), "--partition-size",
        PartitionSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json",
    ];
}
