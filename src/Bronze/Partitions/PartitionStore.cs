using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Storage;
using Bronze.Telemetry;

namespace Bronze.Partitions;

/// <summary>
/// The partition-level API over any <see cref="IObjectStore"/>: write a partition's data file, then its manifest (the
/// commit marker), read a partition's status and manifest, and list a table's partitions. The layout's keys are
/// built here, once, for every store.
/// </summary>
public sealed class PartitionStore
{
    /// <summary>Creates the partition API over <paramref name="store"/>.</summary>
    /// <param name="store">The object store.</param>
    /// <param name="prefix">The dataset prefix inside the store; empty (the default) means the store's root.</param>
    /// <exception cref="BronzeException">The prefix breaks a rule of <see cref="StoragePrefix"/>.</exception>
    public PartitionStore(IObjectStore store, string prefix = "")
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Prefix = StoragePrefix.Validate(prefix);
    }

    /// <summary>The underlying object store.</summary>
    public IObjectStore Store { get; }

    /// <summary>The dataset prefix inside the store.</summary>
    public string Prefix { get; }

    /// <summary>Step 1 of the commit: writes the partition's data file with put-if-absent.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="content">The Parquet bytes, read to the end.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is published when it fires.</param>
    public Task<PutResult> WriteDataAsync(PartitionRef partition, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        string key = partition.DataKey(Prefix);
        return PutTelemetry.TrackAsync(Store, partition, key, PutTelemetry.Data, token => Store.PutIfAbsentAsync(key, content, token), cancellationToken);
    }

    /// <summary>Step 1 of the commit, from a local file: writes the partition's data file with put-if-absent.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="filePath">The local Parquet file.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is published when it fires.</param>
    public Task<PutResult> WriteDataFileAsync(PartitionRef partition, string filePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        string key = partition.DataKey(Prefix);
        return PutTelemetry.TrackAsync(Store, partition, key, PutTelemetry.Data, token => Store.PutFileIfAbsentAsync(key, filePath, token), cancellationToken);
    }

    /// <summary>Step 2 of the commit: writes the manifest with put-if-absent, which completes the partition.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<PutResult> WriteManifestAsync(PartitionRef partition, Manifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        string key = partition.ManifestKey(Prefix);
        using var content = new MemoryStream(ManifestSerializer.Serialize(manifest));
        return await PutTelemetry.TrackAsync(Store, partition, key, PutTelemetry.Manifest, token => Store.PutIfAbsentAsync(key, content, token), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Reads and parses the partition's manifest, or returns <see langword="null"/> when it does not exist. One request:
    /// the manifest is opened, not stat-ed first. At most <see cref="ManifestSerializer.MaxLength"/> bytes are read.
    /// </summary>
    /// <param name="partition">The partition.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.IntegrityMismatch"/> when the manifest is malformed or too large; otherwise the
    /// store failed or refused the key.
    /// </exception>
    public async Task<Manifest?> ReadManifestAsync(PartitionRef partition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        string key = partition.ManifestKey(Prefix);
        Stream stream;
        try
        {
            stream = await Store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.NotFound)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            return await ManifestSerializer.DeserializeAsync(stream, key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What the store holds of the partition: <see cref="PartitionState.Absent"/> when nothing,
    /// <see cref="PartitionState.Incomplete"/> with only a data file, <see cref="PartitionState.Complete"/> when its
    /// manifest is readable, describes the partition of its path and matches the data file's size, otherwise
    /// <see cref="PartitionState.Conflict"/> with the reason (also when the store refuses to read what is there: a
    /// symbolic link, a FIFO, a malformed or oversized manifest). Two requests: the manifest is read and the data file
    /// stat-ed. The data file's bytes are not read: verification recomputes its checksum.
    /// </summary>
    /// <param name="partition">The partition.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="BronzeException">The store failed.</exception>
    public Task<PartitionStatus> GetStatusAsync(PartitionRef partition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return PartitionInspection.InspectAsync(this, partition, cancellationToken);
    }

    /// <summary>
    /// The partitions of <paramref name="dataset"/> that have any entry in the store, in start order, from one listing
    /// of its folder.
    /// </summary>
    /// <param name="dataset">The table.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="BronzeException">The store failed.</exception>
    public async IAsyncEnumerable<PartitionRef> ListPartitionsAsync(
        DatasetRef dataset, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (PartitionObjects objects in ScanAsync(dataset, null, cancellationToken).ConfigureAwait(false)) yield return objects.Partition;
    }

    /// <summary>One listing of <paramref name="dataset"/>'s folder, sorted into the layout; see <see cref="DatasetScan"/>.</summary>
    internal IAsyncEnumerable<PartitionObjects> ScanAsync(DatasetRef dataset, Action<ObjectInfo>? stray, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return DatasetScan.ScanAsync(Store, Prefix, dataset, stray, cancellationToken);
    }
}
