using System.Diagnostics;
using System.IO.Pipelines;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Partitions;
using Bronze.Sources;
using Bronze.Storage;

namespace Bronze.Copier;

/// <summary>
/// Writes or heals one partition: rows from the source, through the Parquet encoder, into the store with
/// put-if-absent, then the manifest. Never overwrites: whatever already exists is compared, and a difference is a
/// conflict.
/// </summary>
internal sealed class PartitionJob(PartitionStore store, ILedgerSource source, CopierOptions options, PartitionRef partition)
{
    // The pipe between encoder and store holds at most this much: memory stays bounded whatever the file size.
    private const long PipePauseBytes = 8L << 20;

    // Large segments: the writer hands over whole pages, and 4 KiB segments would cut each into hundreds of pieces.
    private const int PipeSegmentBytes = 256 << 10;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private long _sourceBytes;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>XDR bytes read from the source so far (a heal reads the partition too).</summary>
    public long SourceBytes => Interlocked.Read(ref _sourceBytes);

    /// <summary>Writes a partition the planner saw as new.</summary>
    public async Task<PartitionOutcome> WriteAsync(CancellationToken cancellationToken)
    {
        (PutResult put, EncodedRows rows) = await EncodeIntoStoreAsync(cancellationToken).ConfigureAwait(false);
        if (!put.Created)
        {
            // Another writer published the file between our status check and our write: it counts only if it holds
            // exactly our bytes.
            StoredObjectDigest stored = await StoredObjectDigest.ReadAsync(store.Store, put.Key, cancellationToken).ConfigureAwait(false);
            if (stored.Sha256 != put.Sha256 || stored.Size != put.Size)
            {
                return Conflict(
                    $"another writer stored a different data file (sha256 {stored.Sha256}, {stored.Size} bytes; this run's: {put.Sha256}, {put.Size} bytes)");
            }
        }

        // Another writer's identical data file without its manifest yet is what a heal finishes: counted as healed.
        return await CommitAsync(rows, put.Size, put.Sha256, put.Created ? CopierEventKind.Written : CopierEventKind.Healed)
            .ConfigureAwait(false);
    }

    /// <summary>Heals a partition whose data file exists without a manifest: regenerates, compares, commits.</summary>
    public async Task<PartitionOutcome> HealAsync(CancellationToken cancellationToken)
    {
        EncodedRows rows;
        long size;
        string sha;
        using (var sink = new HashingStream())
        {
            rows = await EncodeAsync(sink, cancellationToken).ConfigureAwait(false);
            size = sink.Length;
            sha = sink.Sha256();
        }

        StoredObjectDigest stored = await StoredObjectDigest.ReadAsync(store.Store, partition.DataKey(store.Prefix), cancellationToken).ConfigureAwait(false);
        if (stored.Sha256 != sha || stored.Size != size)
            return Conflict($"the stored data file differs from this run's (stored sha256 {stored.Sha256}, {stored.Size} bytes; this run's: {sha}, {size} bytes)");
        return await CommitAsync(rows, size, sha, CopierEventKind.Healed).ConfigureAwait(false);
    }

    private async Task<PartitionOutcome> CommitAsync(EncodedRows rows, long size, string sha256, CopierEventKind kind)
    {
        var facts = new DataFileFacts(size, sha256, rows.Rows, CodecNames.ManifestName(options.Codec), rows.FirstLedger, rows.LastLedger);
        Manifest manifest = ManifestGenerator.Create(partition, facts, options.Producer, options.TimeProvider);

        // The data file is published: finishing the commit takes one small write, so it is not cancelled. Stopping
        // here would leave an incomplete partition for the next run to heal, for no gain.
        PutResult put = await store.WriteManifestAsync(partition, manifest, CancellationToken.None).ConfigureAwait(false);
        if (put.Created) return new PartitionOutcome(kind, rows.Rows, size);

        // Only a manifest that says what ours says (producer and time aside) commits the same partition: one that names
        // our checksum with other rows, file or range is a partition the next run's plan calls a conflict.
        Manifest? existing = await store.ReadManifestAsync(partition, CancellationToken.None).ConfigureAwait(false);
        if (existing is not null && existing.Partition == manifest.Partition
            && existing.Tables.TryGetValue(partition.Table, out ManifestTableEntry? entry) && entry == manifest.Tables[partition.Table])
        {
            // A concurrent writer committed the same bytes first. The data file is ours if our put created it.
            return kind == CopierEventKind.Written
                ? new PartitionOutcome(kind, rows.Rows, size)
                : new PartitionOutcome(CopierEventKind.Skipped, rows.Rows, size, "another writer committed the same partition at the same time");
        }

        return Conflict($"another writer committed a different manifest ({Describe(existing)}; this run's: {Describe(manifest)})");
    }

    private string Describe(Manifest? manifest)
    {
        if (manifest is null) return "none";
        ManifestPartition p = manifest.Partition;
        string range = $"partition {p.Network}/{p.EraId}/{p.Version} {p.Start}-{p.End}";
        return manifest.Tables.TryGetValue(partition.Table, out ManifestTableEntry? entry)
            ? $"checksum {entry.Checksum}, {entry.RowCount} rows, {entry.ByteSize} bytes, file {entry.File}, {range}"
            : $"no entry for table {partition.Table}, {range}";
    }

    private async Task<(PutResult Put, EncodedRows Rows)> EncodeIntoStoreAsync(CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: PipePauseBytes, resumeWriterThreshold: PipePauseBytes / 2, minimumSegmentSize: PipeSegmentBytes, useSynchronizationContext: false));
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<PutResult> put = Task.Run(() => PutAsync(pipe.Reader, abort), CancellationToken.None);
        EncodedRows rows;
        try
        {
            Stream output = pipe.Writer.AsStream(leaveOpen: true);
            await using (output.ConfigureAwait(false))
            {
                rows = await EncodeAsync(output, abort.Token).ConfigureAwait(false);
            }

            await pipe.Writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception encodeError)
        {
            // Ending the pipe with the error makes the store's read fail, so the store publishes nothing.
            await pipe.Writer.CompleteAsync(encodeError).ConfigureAwait(false);
            await abort.CancelAsync().ConfigureAwait(false);
            try
            {
                await put.ConfigureAwait(false);
            }
            catch (Exception putError) when (encodeError is OperationCanceledException && putError is not OperationCanceledException)
            {
                throw; // the store failed first and cancelled the encoder: its error is the cause
            }
            catch (Exception)
            {
                // The store failed because the encoder did: the encoder's error is the cause.
            }

            throw;
        }

        return (await put.ConfigureAwait(false), rows);
    }

    private async Task<PutResult> PutAsync(PipeReader reader, CancellationTokenSource abort)
    {
        try
        {
            Stream input = reader.AsStream(leaveOpen: true);
            await using (input.ConfigureAwait(false))
            {
                return await store.WriteDataAsync(partition, input, abort.Token).ConfigureAwait(false);
            }
        }
        catch
        {
            await abort.CancelAsync().ConfigureAwait(false); // unblocks an encoder waiting on a full pipe
            throw;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task<EncodedRows> EncodeAsync(Stream destination, CancellationToken cancellationToken)
    {
        long expected = source.ExpectedRowCount(partition.Start, partition.End);
        var rows = new CheckedRows(
            new ReadAheadRows(source.ReadAsync(partition.Dataset, partition.Start, partition.End, cancellationToken)), partition, expected, Report);
        EncodedRows written = await LedgerFileEncoder.EncodeAsync(rows, partition, destination, options, cancellationToken).ConfigureAwait(false);
        if (written.Rows != expected)
        {
            throw new BronzeException(BronzeErrorKind.Failure,
                $"Source {source.Name} yielded {written.Rows} rows for partition {partition.Start}-{partition.End}, expected {expected}; nothing was published.");
        }

        return written;
    }

    private void Report(long rows, long bytes)
    {
        Interlocked.Add(ref _sourceBytes, bytes);
        options.Progress?.Report(new CopierEvent(CopierEventKind.Progress, partition, rows, _clock.Elapsed) { SourceBytes = bytes });
    }

    private PartitionOutcome Conflict(string message) => new(CopierEventKind.Conflict, 0, 0, message);
}
