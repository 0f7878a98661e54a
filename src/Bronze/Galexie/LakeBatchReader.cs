using System.Buffers.Binary;
using Bronze.Parquet.Compression.Zstd;
using Bronze.Stellar;

namespace Bronze.Galexie;

/// <summary>
/// Reads one batch file: decompresses the zstd stream straight from the store into one buffer (the rows' XDR are
/// slices of it, never copied), parses <c>LedgerCloseMetaBatch</c> and decodes each ledger, checking that the batch
/// holds exactly the ledgers its key names.
/// </summary>
internal static class LakeBatchReader
{
    // XDR caps arrays at 2^32 - 1 elements, but no real batch comes near this; it stops a forged frame from filling
    // memory. Recent pubnet ledgers weigh about 1.2 MB, so 64 of them fit with room to spare.
    private const int MaxBatchBytes = 1 << 30;

    private const int HeaderBytes = 12;

    public static async Task<LakeBatch> ReadAsync(GalexieLake lake, long sequence, CancellationToken cancellationToken)
    {
        long fileStart = lake.Layout.BatchStart(sequence), fileEnd = lake.Layout.BatchEnd(sequence);
        if (await lake.OpenBatchAsync(sequence, cancellationToken).ConfigureAwait(false) is not { } batch)
            return new LakeBatch(lake.Layout.BatchKey(sequence, GalexieLayout.Extension), [], 0, Missing: true);

        byte[] buffer;
        int length;
        await using (batch.Content.ConfigureAwait(false))
        {
            (buffer, length) = await DecompressAsync(batch.Content, lake, batch.Key, Math.Max(fileStart, GalexieLake.FirstLedger), cancellationToken).ConfigureAwait(false);
        }

        return new LakeBatch(batch.Key, Decode(buffer.AsMemory(0, length), lake, batch.Key, fileStart, fileEnd), length);
    }

    private static async Task<(byte[] Buffer, int Length)> DecompressAsync(
        Stream compressed, GalexieLake lake, string key, long fileStart, CancellationToken cancellationToken)
    {
        long hint = compressed.CanSeek ? compressed.Length : 0;
        byte[] buffer = new byte[(int)Math.Clamp(hint * 4, 64 << 10, 64 << 20)];
        int length = 0;
        var zstd = new ZstdDecompressionStream(compressed, leaveOpen: true);
        await using (zstd.ConfigureAwait(false))
        {
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= MaxBatchBytes)
                            throw Corrupt(lake, key, fileStart, $"it decompresses to more than {MaxBatchBytes} bytes");
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxBatchBytes));
                    }

                    int read = await zstd.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    length += read;
                }
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(lake, key, fileStart, e.Message, e);
            }
        }

        return (buffer, length);
    }

    private static List<DecodedLedger> Decode(ReadOnlyMemory<byte> xdr, GalexieLake lake, string key, long fileStart, long fileEnd)
    {
        ReadOnlySpan<byte> span = xdr.Span;
        if (span.Length < HeaderBytes) throw Corrupt(lake, key, fileStart, $"its LedgerCloseMetaBatch is {span.Length} bytes, too short for its header");
        long start = BinaryPrimitives.ReadUInt32BigEndian(span);
        long end = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        long count = BinaryPrimitives.ReadUInt32BigEndian(span[8..]);

        // The lake's first batch starts at ledger 2 (ledger 1 has no meta) although its key says 0.
        long expectedStart = Math.Max(fileStart, Math.Min(GalexieLake.FirstLedger, start));
        if (start != expectedStart || end != fileEnd)
        {
            throw new BronzeException(BronzeErrorKind.CorruptData,
                $"Galexie lake {lake.Description}: batch '{key}' holds ledgers {start}-{end}, but its key says {fileStart}-{fileEnd}; nothing was published.");
        }

        long expectedCount = end - start + 1;
        if (count != expectedCount)
        {
            throw new BronzeException(BronzeErrorKind.CorruptData,
                $"Galexie lake {lake.Description}: batch '{key}' for ledgers {start}-{end} holds {count} ledgers, not {expectedCount}: a gap; nothing was published.");
        }

        var ledgers = new List<DecodedLedger>((int)count);
        int offset = HeaderBytes;
        for (long sequence = start; sequence <= end; sequence++)
        {
            if (offset >= span.Length) throw Corrupt(lake, key, sequence, "the batch ends before it");
            DecodedLedger ledger;
            try
            {
                ledger = LedgerCloseMetaDecoder.DecodeFirst(xdr[offset..]);
                offset += ledger.Row.XdrByteLength;
            }
            catch (BronzeException e)
            {
                throw Corrupt(lake, key, sequence, e.Message, e);
            }

            if (ledger.Row.LedgerSequence != sequence)
            {
                throw new BronzeException(BronzeErrorKind.CorruptData,
                    $"Galexie lake {lake.Description}: ledger {sequence} is missing from batch '{key}' (ledger {ledger.Row.LedgerSequence} is in its place); nothing was published.");
            }

            ledgers.Add(ledger);
        }

        if (offset != span.Length) throw Corrupt(lake, key, end, $"{span.Length - offset} bytes follow the batch's last ledger");
        return ledgers;
    }

    private static BronzeException Corrupt(GalexieLake lake, string key, long ledger, string detail, Exception? inner = null) => new(
        BronzeErrorKind.CorruptData,
        $"Galexie lake {lake.Description}: ledger {ledger} in batch '{key}' is corrupt: {detail.TrimEnd('.')}; nothing was published.", innerException: inner);
}
