using System.Globalization;
using System.Text.RegularExpressions;

namespace Bronze.Galexie;

/// <summary>
/// Where a galexie lake keeps each ledger (SEP-54): batch files of <see cref="GalexieConfig.LedgersPerBatch"/> ledgers,
/// named <c>{%08X of 0xFFFFFFFF - start}--{start}[-{end}].xdr.{ext}</c>, inside partition folders
/// <c>{%08X of 0xFFFFFFFF - start}--{start}-{end}/</c> of <see cref="GalexieConfig.BatchesPerPartition"/> batches
/// (no folder when that is 1). The inverted hex makes the newest ledgers list first.
/// </summary>
public sealed partial class GalexieLayout
{
    /// <summary>The extension galexie writes since v23.</summary>
    public const string Extension = "zst";

    /// <summary>The extension galexie wrote before v23.</summary>
    public const string LegacyExtension = "zstd";

    private readonly uint _ledgersPerBatch;
    private readonly uint _batchesPerPartition;

    /// <summary>The layout a config describes.</summary>
    /// <param name="config">The lake's config.</param>
    public GalexieLayout(GalexieConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _ledgersPerBatch = config.LedgersPerBatch;
        _batchesPerPartition = config.BatchesPerPartition;
    }

    /// <summary>Ledgers per batch file.</summary>
    public long LedgersPerBatch => _ledgersPerBatch;

    /// <summary>The first ledger of the batch holding <paramref name="sequence"/>.</summary>
    /// <param name="sequence">A ledger sequence, 0 to 2^32 - 1.</param>
    public long BatchStart(long sequence) => sequence / _ledgersPerBatch * _ledgersPerBatch;

    /// <summary>The last ledger of the batch holding <paramref name="sequence"/>.</summary>
    /// <param name="sequence">A ledger sequence.</param>
    public long BatchEnd(long sequence) => BatchStart(sequence) + _ledgersPerBatch - 1;

    /// <summary>The key of the batch holding <paramref name="sequence"/>, relative to the lake's root.</summary>
    /// <param name="sequence">A ledger sequence, 0 to 2^32 - 1.</param>
    /// <param name="extension"><see cref="Extension"/> or <see cref="LegacyExtension"/>.</param>
    public string BatchKey(long sequence, string extension) => BatchKeyStem(sequence) + ".xdr." + extension;

    /// <summary>
    /// The batch's key up to its extension: a listing prefix that matches that batch and no other (the hex names its
    /// start).
    /// </summary>
    /// <param name="sequence">A ledger sequence, 0 to 2^32 - 1.</param>
    public string BatchKeyStem(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, uint.MaxValue);
        long start = BatchStart(sequence), end = BatchEnd(sequence);
        string folder = "";
        if (_batchesPerPartition > 1)
        {
            long size = (long)_ledgersPerBatch * _batchesPerPartition;
            long partitionStart = sequence / size * size;
            folder = string.Create(CultureInfo.InvariantCulture, $"{Inverted(partitionStart)}--{partitionStart}-{partitionStart + size - 1}/");
        }

        string range = start == end ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start}-{end}");
        return $"{folder}{Inverted(start)}--{range}";
    }

    /// <summary>Reads a batch key back: its first and last ledger and its extension.</summary>
    /// <param name="key">A key relative to the lake's root, e.g. <c>FFFFFFFF--0-63999/FFFFFC18--999.xdr.zst</c>.</param>
    /// <param name="batch">The batch's first and last ledger, and the extension.</param>
    /// <returns>Whether the key's last segment names a batch file (its hex matching its start).</returns>
    public static bool TryParseBatchKey(string key, out (long Start, long End, string Extension) batch)
    {
        ArgumentNullException.ThrowIfNull(key);
        batch = default;
        Match match = BatchName().Match(key[(key.LastIndexOf('/') + 1)..]);
        if (!match.Success) return false;
        if (!uint.TryParse(match.Groups["hex"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint hex)
            || !uint.TryParse(match.Groups["start"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out uint start)
            || uint.MaxValue - hex != start)
        {
            return false;
        }

        long end = start;
        if (match.Groups["end"].Success)
        {
            if (!uint.TryParse(match.Groups["end"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out uint last) || last < start) return false;
            end = last;
        }

        batch = (start, end, match.Groups["ext"].Value);
        return true;
    }

    private static string Inverted(long start) => (uint.MaxValue - (uint)start).ToString("X8", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<hex>[0-9A-F]{8})--(?<start>[0-9]{1,10})(?:-(?<end>[0-9]{1,10}))?\.xdr\.(?<ext>zst|zstd)$", RegexOptions.CultureInvariant)]
    private static partial Regex BatchName();
}
