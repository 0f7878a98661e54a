using System.Globalization;

namespace Bronze.Layout;

/// <summary>
/// One partition of the layout: the ledgers [<see cref="Start"/>, <see cref="End"/>] of one table. It builds the keys
/// <c>{prefix}/{network}/{era_id}/{version_label}/{table}/range={start}-{end}/part-{start}-{end}.parquet</c> and
/// <c>.../_manifest.json</c>, and parses them back.
/// </summary>
public sealed record PartitionRef
{
    /// <summary>The name of every partition's manifest, its commit marker.</summary>
    public const string ManifestFileName = "_manifest.json";

    /// <summary>Creates a partition reference.</summary>
    /// <param name="network">The network, e.g. <c>pubnet</c>.</param>
    /// <param name="eraId">The era, e.g. <c>pre_p23</c>.</param>
    /// <param name="versionLabel">The dataset version, e.g. <c>v1</c>.</param>
    /// <param name="table">The table, e.g. <c>ledgers_lcm_raw</c>.</param>
    /// <param name="start">The first ledger of the range, at least 0.</param>
    /// <param name="end">The last ledger of the range, inclusive, at least <paramref name="start"/>.</param>
    /// <exception cref="BronzeException">A name or the range breaks a rule.</exception>
    public PartitionRef(string network, string eraId, string versionLabel, string table, long start, long end)
    {
        Dataset = new DatasetRef(network, eraId, versionLabel, table);
        if (start < 0) throw BronzeException.Invalid("start", "be at least 0", start.ToString(CultureInfo.InvariantCulture));
        if (start > end)
            throw BronzeException.Invalid("end", $"be at least start ({start})", end.ToString(CultureInfo.InvariantCulture));
        Start = start;
        End = end;
    }

    /// <summary>The table this partition belongs to.</summary>
    public DatasetRef Dataset { get; }

    /// <summary>The network, e.g. <c>pubnet</c>.</summary>
    public string Network => Dataset.Network;

    /// <summary>The era, e.g. <c>pre_p23</c>.</summary>
    public string EraId => Dataset.EraId;

    /// <summary>The dataset version, e.g. <c>v1</c>.</summary>
    public string VersionLabel => Dataset.VersionLabel;

    /// <summary>The table, e.g. <c>ledgers_lcm_raw</c>.</summary>
    public string Table => Dataset.Table;

    /// <summary>The first ledger of the range.</summary>
    public long Start { get; }

    /// <summary>The last ledger of the range, inclusive.</summary>
    public long End { get; }

    /// <summary>The name of the data file, <c>part-{start}-{end}.parquet</c>.</summary>
    public string DataFileName => $"part-{Start}-{End}.parquet";

    /// <summary>The partition's folder key, <c>.../{table}/range={start}-{end}</c>, without a trailing slash.</summary>
    /// <param name="prefix">The dataset prefix; empty means the store's root.</param>
    public string DirectoryKey(string prefix = "") => $"{Dataset.Key(prefix)}/range={Start}-{End}";

    /// <summary>The data file's key.</summary>
    /// <param name="prefix">The dataset prefix; empty means the store's root.</param>
    public string DataKey(string prefix = "") => $"{DirectoryKey(prefix)}/{DataFileName}";

    /// <summary>The manifest's key.</summary>
    /// <param name="prefix">The dataset prefix; empty means the store's root.</param>
    public string ManifestKey(string prefix = "") => $"{DirectoryKey(prefix)}/{ManifestFileName}";

    /// <summary>
    /// Parses a partition folder, data file or manifest key written under <paramref name="prefix"/> back into a ref.
    /// </summary>
    /// <param name="key">A key built by <see cref="DirectoryKey"/>, <see cref="DataKey"/> or <see cref="ManifestKey"/>.</param>
    /// <param name="prefix">The dataset prefix the key was built with.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> when the key is not of the layout.</exception>
    public static PartitionRef Parse(string key, string prefix = "")
    {
        if (!TryParse(key, prefix, out PartitionRef? partition, out string? reason))
            throw BronzeException.Invalid("key", $"follow the layout {{prefix}}/{{network}}/{{era_id}}/{{version_label}}/{{table}}/range={{start}}-{{end}}[/file] ({reason})", key);
        return partition;
    }

    /// <summary>Parses a key like <see cref="Parse"/>, returning <see langword="false"/> instead of throwing.</summary>
    /// <param name="key">The key to parse.</param>
    /// <param name="prefix">The dataset prefix the key was built with.</param>
    /// <param name="partition">The parsed reference, when the key is of the layout.</param>
    public static bool TryParse(string key, string prefix, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartitionRef? partition) =>
        TryParse(key, prefix, out partition, out _);

    /// <summary>
    /// The aligned partitions of size <paramref name="partitionSize"/> that cover [<paramref name="start"/>,
    /// <paramref name="end"/>]: partition k covers [k·n, (k+1)·n − 1]. The range must itself be aligned. The list is
    /// computed on demand, so a range of millions of partitions takes no memory.
    /// </summary>
    /// <param name="dataset">The table.</param>
    /// <param name="start">The first ledger; a multiple of <paramref name="partitionSize"/>.</param>
    /// <param name="end">The last ledger, inclusive; one less than a multiple of <paramref name="partitionSize"/>.</param>
    /// <param name="partitionSize">Ledgers per partition, at least 1.</param>
    /// <exception cref="BronzeException">
    /// The size is not positive, the range is empty or not aligned, or it holds more than <see cref="int.MaxValue"/> partitions.
    /// </exception>
    public static IReadOnlyList<PartitionRef> Cover(DatasetRef dataset, long start, long end, long partitionSize)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string Text(long v) => v.ToString(CultureInfo.InvariantCulture);
        if (partitionSize <= 0) throw BronzeException.Invalid("partition_size", "be at least 1", Text(partitionSize));
        if (start < 0) throw BronzeException.Invalid("start", "be at least 0", Text(start));
        if (end < start) throw BronzeException.Invalid("end", $"be at least start ({start})", Text(end));
        if (start % partitionSize != 0)
            throw BronzeException.Invalid("start", $"be a multiple of the partition size {partitionSize} (aligned partitions)", Text(start));

        // end % n == n - 1 says "end + 1 is a multiple of n" without overflowing at long.MaxValue.
        if (end % partitionSize != partitionSize - 1)
            throw BronzeException.Invalid("end", $"be one less than a multiple of the partition size {partitionSize} (aligned partitions)", Text(end));
        long after = (end - start) / partitionSize; // partitions after the first; + 1 could overflow
        if (after >= int.MaxValue)
            throw BronzeException.Invalid("partition_size", $"leave at most {int.MaxValue} partitions in the range {start}-{end}", Text(partitionSize));
        return new AlignedPartitions(dataset, start, partitionSize, (int)after + 1);
    }

    private static bool TryParse(
        string key, string prefix,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartitionRef? partition,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        partition = null;
        ArgumentNullException.ThrowIfNull(key);
        StoragePrefix.Validate(prefix);
        string rest = key;
        if (prefix.Length > 0)
        {
            if (!key.StartsWith(prefix + "/", StringComparison.Ordinal)) { reason = $"it is not under prefix '{prefix}'"; return false; }
            rest = key[(prefix.Length + 1)..];
        }

        string[] parts = rest.Split('/');
        if (parts.Length is not (5 or 6)) { reason = "wrong number of segments"; return false; }
        if (!TryParseRange(parts[4], out long start, out long end)) { reason = "the fifth segment is not range={start}-{end}"; return false; }
        try
        {
            partition = new PartitionRef(parts[0], parts[1], parts[2], parts[3], start, end);
        }
        catch (BronzeException e)
        {
            reason = e.Message.TrimEnd('.');
            return false;
        }

        if (parts.Length == 6 && parts[5] != partition.DataFileName && parts[5] != ManifestFileName)
        {
            partition = null;
            reason = $"the file is neither {ManifestFileName} nor part-{start}-{end}.parquet";
            return false;
        }

        reason = null;
        return true;
    }

    private static bool TryParseRange(string segment, out long start, out long end)
    {
        start = end = 0;
        if (!segment.StartsWith("range=", StringComparison.Ordinal)) return false;
        string[] bounds = segment["range=".Length..].Split('-');
        return bounds.Length == 2
            && IsCanonicalNumber(bounds[0]) && IsCanonicalNumber(bounds[1])
            && long.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && long.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out end);
    }

    // "007" would parse, but would not round-trip to the same key.
    private static bool IsCanonicalNumber(string text) => text.Length > 0 && (text == "0" || text[0] != '0');
}
