using System.Security.Cryptography;

namespace Bronze.Testing.Galexie;

/// <summary>Runs <c>bronze copy</c> from a lake and fingerprints what it wrote, to compare copies from different stores.</summary>
public static class LakeCopies
{
    /// <summary>The v25 load test's ledgers as a copy reads them: standalone network, era p23_plus.</summary>
    public static string[] StandaloneArgs(string source, string dest, long start = 10_050, long end = 10_069, long partitionSize = 10) =>
    [
        "copy", "--source", source, "--dest", dest, "--network", "standalone", "--network-passphrase", RealLedgers.StandalonePassphrase,
        "--era", "p23_plus", "--start", start.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--end", end.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--partition-size", partitionSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json",
    ];

    /// <summary>Every Parquet file under <paramref name="folder"/>, relative, with its sha256 (manifests hold a wall-clock time).</summary>
    /// <param name="folder">A local destination.</param>
    public static SortedDictionary<string, string> ParquetDigests(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories))
            files[Path.GetRelativePath(folder, path)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        return files;
    }

    /// <summary>Every file of a local lake, as (key, path), <c>.config.json</c> included: what a test uploads to a server.</summary>
    /// <param name="lake">The lake's root folder.</param>
    public static IEnumerable<(string Key, string Path)> Files(string lake) =>
        Directory.EnumerateFiles(lake, "*", SearchOption.AllDirectories)
            .Select(path => (Path.GetRelativePath(lake, path).Replace('\\', '/'), path));
}
