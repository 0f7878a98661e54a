using System.Buffers.Binary;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Parquet;
using Bronze.Parquet.Footer;
using Bronze.Partitions;

namespace Bronze.Verification;

/// <summary>
/// Verifies one partition's manifest and data file against each other and against the partition's path: the rules of
/// <see cref="ManifestRules"/>, plus what only a full read shows (the manifest schema, the checksum, the footer).
/// </summary>
internal sealed class PartitionVerifier(PartitionStore store, PartitionObjects objects)
{
    // Bronze's footers are a few KiB; a larger one costs a ranged read of what the tail lacks.
    private const int TailLength = 256 << 10;

    private readonly PartitionRef _partition = objects.Partition;
    private readonly List<VerificationIssue> _issues = [];

    public async Task<PartitionVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        string prefix = store.Prefix;
        string dataKey = _partition.DataKey(prefix);
        string manifestKey = _partition.ManifestKey(prefix);
        if (objects.Data is null && objects.Manifest is null)
        {
            Issue(VerificationIssueKind.MissingPartition, _partition.DirectoryKey(prefix), "The partition has neither data file nor manifest.");
            return Result(null, null);
        }

        ManifestTableEntry? entry = null;
        if (objects.Manifest is null)
            Issue(VerificationIssueKind.MissingManifest, manifestKey, "The data file exists but the manifest does not: the partition was never committed.");
        else
            entry = await ReadManifestAsync(manifestKey, cancellationToken).ConfigureAwait(false);

        if (objects.Data is null)
        {
            Issue(VerificationIssueKind.MissingDataFile, dataKey, Sentence(ManifestRules.MissingData(_partition)));
            return Result(null, null);
        }

        StoredObjectDigest digest;
        try
        {
            digest = await StoredObjectDigest.ReadAsync(store.Store, dataKey, TailLength, cancellationToken).ConfigureAwait(false);
        }
        catch (BronzeException e)
        {
            // An unreadable object (permissions, a link, a FIFO, gone since the listing) fails this partition only.
            Issue(VerificationIssueKind.UnreadableDataFile, dataKey, $"The data file cannot be read: {e.Message}");
            return Result(null, objects.Data.Size);
        }

        ParquetFileInfo? footer = await ReadFooterAsync(dataKey, digest, cancellationToken).ConfigureAwait(false);
        long? rows = footer?.RowCount;
        if (rows is { } count && count > _partition.End - _partition.Start + 1)
            Issue(VerificationIssueKind.RowCountMismatch, dataKey, $"The footer says {count} rows, more than the range {_partition.Start}-{_partition.End} holds.");
        if (entry is not null) CompareWithManifest(dataKey, entry, digest, rows);
        if (footer is not null)
        {
            foreach ((VerificationIssueKind kind, string message) in FooterChecks.Check(footer, _partition, entry)) Issue(kind, dataKey, message);
        }

        return Result(rows, digest.Size);
    }

    private async Task<ManifestTableEntry?> ReadManifestAsync(string key, CancellationToken cancellationToken)
    {
        byte[] json;
        try
        {
            Stream stream = await store.Store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                json = await ManifestSerializer.ReadBoundedAsync(stream, key, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BronzeException e)
        {
            Issue(VerificationIssueKind.InvalidManifest, key, $"The manifest cannot be read: {e.Message}");
            return null;
        }

        IReadOnlyList<string> violations = ManifestSchemaValidator.Instance.Validate(json);
        if (violations.Count > 0)
        {
            Issue(VerificationIssueKind.InvalidManifest, key, "The manifest breaks the manifest schema: " + string.Join("; ", violations));
            return null;
        }

        Manifest manifest;
        try
        {
            manifest = ManifestSerializer.Deserialize(json, key);
        }
        catch (BronzeException e)
        {
            Issue(VerificationIssueKind.InvalidManifest, key, e.Message);
            return null;
        }

        if (ManifestRules.PathMismatch(_partition, manifest, out ManifestTableEntry? entry) is { } mismatch)
            Issue(VerificationIssueKind.PartitionMismatch, key, Sentence(mismatch));
        return entry;
    }

    private async Task<ParquetFileInfo?> ReadFooterAsync(string key, StoredObjectDigest digest, CancellationToken cancellationToken)
    {
        try
        {
            if (digest.Tail.Length >= 8)
            {
                uint footerLength = BinaryPrimitives.ReadUInt32LittleEndian(digest.Tail.AsSpan(digest.Tail.Length - 8));
                if (footerLength > FooterChecks.MaxFooterLength(digest.Size))
                {
                    Issue(VerificationIssueKind.UnreadableDataFile, key,
                        $"The footer claims {footerLength} bytes, more than a {digest.Size}-byte data file can legitimately have ({FooterChecks.MaxFooterLength(digest.Size)}).");
                    return null;
                }
            }

            // A footer longer than the kept tail costs one ranged read of what is missing, not a second full read.
            var view = new ObjectRangeStream(store.Store, key, digest.Size, digest.Head, digest.Tail);
            await using (view.ConfigureAwait(false))
            {
                return await ParquetFooterReader.ReadAsync(view, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is ParquetException or BronzeException)
        {
            Issue(VerificationIssueKind.UnreadableDataFile, key, $"The data file is not a readable Parquet file: {e.Message}");
            return null;
        }
    }

    private void CompareWithManifest(string key, ManifestTableEntry entry, StoredObjectDigest digest, long? rows)
    {
        if (ManifestRules.SizeMismatch(digest.Size, entry) is { } size) Issue(VerificationIssueKind.SizeMismatch, key, Sentence(size));
        if ("sha256:" + digest.Sha256 != entry.Checksum)
            Issue(VerificationIssueKind.ChecksumMismatch, key, $"The data file's sha256 is {digest.Sha256}, the manifest says {entry.Checksum}.");
        if (rows is { } count && count != entry.RowCount)
            Issue(VerificationIssueKind.RowCountMismatch, key, $"The footer says {count} rows, the manifest says {entry.RowCount}.");
    }

    // The rules' reasons are clauses (a dry-run prints them after "conflict range=...: "); an issue is a sentence.
    private static string Sentence(string reason) => string.Concat(reason[..1].ToUpperInvariant(), reason.AsSpan(1), ".");

    private void Issue(VerificationIssueKind kind, string key, string message) =>
        _issues.Add(new VerificationIssue(kind, key, message, _partition));

    private PartitionVerification Result(long? rows, long? bytes) => new(_partition, rows, bytes, [.. _issues]);
}
