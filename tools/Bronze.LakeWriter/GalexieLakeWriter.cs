using System.Buffers.Binary;
using Bronze.Galexie;
using Bronze.Parquet;
using Bronze.Parquet.Compression;

namespace Bronze.LakeWriter;

/// <summary>
/// Writes ledgers into a local folder as a galexie data lake: <c>.config.json</c> and one zstd-compressed
/// <c>LedgerCloseMetaBatch</c> per batch file, under the keys galexie uses (see <see cref="GalexieLayout"/>). A batch
/// holds the ledgers given for its range, so a test can leave ledgers out or put foreign ones in on purpose.
/// </summary>
public static class GalexieLakeWriter
{
    /// <summary>Writes the lake.</summary>
    /// <param name="directory">The lake's root folder; created when missing. Existing batch files are never overwritten (an existing <c>.config.json</c> is kept).</param>
    /// <param name="config">The lake's config, written as <c>.config.json</c>.</param>
    /// <param name="ledgers">The ledgers, in ascending sequence order.</param>
    /// <param name="extension"><c>zst</c> (galexie since v23) or <c>zstd</c> (before).</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The number of batch files written.</returns>
    public static async Task<int> WriteAsync(
        string directory, GalexieConfig config, IAsyncEnumerable<LedgerXdr> ledgers, string extension = GalexieLayout.Extension,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentException.ThrowIfNullOrEmpty(directory);

        // Plain file writes, not a LocalStore: test and benchmark lakes need no fsync per batch (a 20,000-file lake
        // would take minutes), and no store writes the hidden .config.json.
        Directory.CreateDirectory(directory);
        string configPath = Path.Join(directory, GalexieConfig.Key);
        if (!File.Exists(configPath)) await File.WriteAllBytesAsync(configPath, config.ToJson(), cancellationToken).ConfigureAwait(false);
        var layout = new GalexieLayout(config);
        using IPageCompressor zstd = PageCodecs.CreateCompressor(ParquetCodec.Zstd);
        var batch = new List<LedgerXdr>();
        int files = 0;
        await foreach (LedgerXdr ledger in ledgers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count > 0 && layout.BatchStart(ledger.Sequence) != layout.BatchStart(batch[0].Sequence))
            {
                await PutAsync(directory, layout, zstd, batch, extension, cancellationToken).ConfigureAwait(false);
                files++;
                batch.Clear();
            }

            batch.Add(ledger);
        }

        if (batch.Count > 0)
        {
            await PutAsync(directory, layout, zstd, batch, extension, cancellationToken).ConfigureAwait(false);
            files++;
        }

        return files;
    }

    /// <summary>The XDR of a <c>LedgerCloseMetaBatch</c>: start, end, then the metas as a variable-length array.</summary>
    /// <param name="start">The batch's startSequence.</param>
    /// <param name="end">The batch's endSequence.</param>
    /// <param name="metas">The LedgerCloseMeta XDR of each ledger.</param>
    public static byte[] BatchXdr(long start, long end, IReadOnlyList<ReadOnlyMemory<byte>> metas)
    {
        ArgumentNullException.ThrowIfNull(metas);
        byte[] xdr = new byte[12 + metas.Sum(m => m.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(xdr, (uint)start);
        BinaryPrimitives.WriteUInt32BigEndian(xdr.AsSpan(4), (uint)end);
        BinaryPrimitives.WriteUInt32BigEndian(xdr.AsSpan(8), (uint)metas.Count);
        int offset = 12;
        foreach (ReadOnlyMemory<byte> meta in metas)
        {
            meta.Span.CopyTo(xdr.AsSpan(offset));
            offset += meta.Length;
        }

        return xdr;
    }

    /// <summary>Compresses bytes into one zstd frame (level 3).</summary>
    /// <param name="bytes">The bytes.</param>
    public static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        using IPageCompressor zstd = PageCodecs.CreateCompressor(ParquetCodec.Zstd);
        return Compress(zstd, bytes);
    }

    private static byte[] Compress(IPageCompressor zstd, ReadOnlySpan<byte> bytes)
    {
        byte[] compressed = new byte[zstd.MaxCompressedLength(bytes.Length)];
        return compressed[..zstd.Compress(bytes, compressed)];
    }

    private static async Task PutAsync(
        string directory, GalexieLayout layout, IPageCompressor zstd, List<LedgerXdr> batch, string extension, CancellationToken cancellationToken)
    {
        byte[] xdr = BatchXdr(batch[0].Sequence, batch[^1].Sequence, [.. batch.Select(l => l.Xdr)]);
        string path = Path.Join(directory, layout.BatchKey(batch[0].Sequence, extension));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write); // never overwrites a batch
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(Compress(zstd, xdr), cancellationToken).ConfigureAwait(false);
        }
    }
}
