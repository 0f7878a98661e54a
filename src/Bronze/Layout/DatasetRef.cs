using Bronze.Layout;

namespace Bronze;

/// <summary>
/// One table of one dataset: the folder <c>{prefix}/{network}/{era_id}/{version_label}/{table}</c> that holds its
/// partitions. Every name is checked by <see cref="NameSegment"/> when the record is created.
/// </summary>
public sealed record DatasetRef
{
    /// <summary>Creates a dataset reference.</summary>
    /// <param name="network">The network, e.g. <c>pubnet</c>.</param>
    /// <param name="eraId">The era, e.g. <c>pre_p23</c>.</param>
    /// <param name="versionLabel">The dataset version, e.g. <c>v1</c>.</param>
    /// <param name="table">The table, e.g. <c>ledgers_lcm_raw</c>.</param>
    /// <exception cref="BronzeException">A name breaks the rule of <see cref="NameSegment"/>.</exception>
    public DatasetRef(string network, string eraId, string versionLabel, string table)
    {
        Network = NameSegment.Validate("network", network);
        EraId = NameSegment.Validate("era_id", eraId);
        VersionLabel = NameSegment.Validate("version_label", versionLabel);
        Table = NameSegment.Validate("table", table);
    }

    /// <summary>The network, e.g. <c>pubnet</c>.</summary>
    public string Network { get; }

    /// <summary>The era, e.g. <c>pre_p23</c>.</summary>
    public string EraId { get; }

    /// <summary>The dataset version, e.g. <c>v1</c>.</summary>
    public string VersionLabel { get; }

    /// <summary>The table, e.g. <c>ledgers_lcm_raw</c>.</summary>
    public string Table { get; }

    /// <summary>The table's folder key under <paramref name="prefix"/>, without a trailing slash.</summary>
    /// <param name="prefix">The dataset prefix; empty means the store's root. See <see cref="StoragePrefix"/>.</param>
    public string Key(string prefix = "") =>
        Join(StoragePrefix.Validate(prefix), $"{Network}/{EraId}/{VersionLabel}/{Table}");

    /// <summary>The partition of this table covering [<paramref name="start"/>, <paramref name="end"/>].</summary>
    /// <param name="start">The first ledger of the range.</param>
    /// <param name="end">The last ledger of the range, inclusive.</param>
    public PartitionRef Partition(long start, long end) => new(Network, EraId, VersionLabel, Table, start, end);

    internal static string Join(string prefix, string rest) => prefix.Length == 0 ? rest : prefix + "/" + rest;
}
