using System.Buffers.Binary;
using Bronze.Errors;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Parquet;
using Bronze.Parquet.Footer;
using Bronze.Storage;

namespace Bronze.Verification;

/// <summary>Verifies one partition's manifest and data file against each other and against the partition's path.</summary>
internal sealed class PartitionVerifier(IObjectStore store, string prefix, PartitionObjects objects)
{
    // Bronze's footers are a few KiB; a larger one costs a second read of the file.
    private const int TailLength = 256 << 10;

    private readonly PartitionRef _partition = objects.Partition;
    private readonly List<VerificationIssue> _issues = [];

    public async Task<PartitionVerification> VerifyAsync(CancellationToken cancellationToken)
    {
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
            Issue(VerificationIssueKind.MissingDataFile, dataKey, $"The manifest exists but the data file {_partition.DataFileName} does not.");
            return Result(null, null);
        }

        DataFileDigest digest;
        try
        {
            digest = await DataFileDigest.ReadAsync(store, dataKey, TailLength, cancellationToken).ConfigureAwait(false);
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
            Stream stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
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

        ManifestPartition p = manifest.Partition;
        if (p != ManifestPartition.Of(_partition))
        {
            Issue(VerificationIssueKind.PartitionMismatch, key,
                $"The manifest describes {p.Network}/{p.EraId}/{p.Version} {p.Start}-{p.End}, but its path is {_partition.Network}/{_partition.EraId}/{_partition.VersionLabel} {_partition.Start}-{_partition.End}.");
            return null;
        }

        if (!manifest.Tables.TryGetValue(_partition.Table, out ManifestTableEntry? entry))
        {
            Issue(VerificationIssueKind.PartitionMismatch, key, $"The manifest has no entry for table {_partition.Table}.");
            return null;
        }

        if (entry.File != _partition.DataFileName)
        {
            Issue(VerificationIssueKind.PartitionMismatch, key, $"The manifest names file {entry.File}, not {_partition.DataFileName}.");
            return null;
        }

        return entry;
    }

    private async Task<ParquetFileInfo?> ReadFooterAsync(string key, DataFileDigest digest, CancellationToken cancellationToken)
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

                if (footerLength + 8L > digest.Tail.Length && footerLength + 8L <= digest.Size)
                    digest = await DataFileDigest.ReadAsync(store, key, (int)footerLength + 8, cancellationToken).ConfigureAwait(false);
            }

            using Stream view = digest.OpenFooterView();
            return await ParquetFooterReader.ReadAsync(view, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ParquetException or InvalidOperationException or BronzeException)
        {
            Issue(VerificationIssueKind.UnreadableDataFile, key, $"The data file is not a readable Parquet file: {e.Message}");
            return null;
        }
    }

    private void CompareWithManifest(string key, ManifestTableEntry entry, DataFileDigest digest, long? rows)
    {
        if (digest.Size != entry.ByteSize)
            Issue(VerificationIssueKind.SizeMismatch, key, $"The data file has {digest.Size} bytes, the manifest says {entry.ByteSize}.");
        if ("sha256:" + digest.Sha256 != entry.Checksum)
            Issue(VerificationIssueKind.ChecksumMismatch, key, $"The data file's sha256 is {digest.Sha256}, the manifest says {entry.Checksum}.");
        if (rows is { } count && count != entry.RowCount)
            Issue(VerificationIssueKind.RowCountMismatch, key, $"The footer says {count} rows, the manifest says {entry.RowCount}.");
    }

    private void Issue(VerificationIssueKind kind, string key, string message) =>
        _issues.Add(new VerificationIssue(kind, key, message, _partition));

    private PartitionVerification Result(long? rows, long? bytes) => new(_partition, rows, bytes, [.. _issues]);
}
