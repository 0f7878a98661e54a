using Bronze.Layout;

namespace Bronze.Manifests;

/// <summary>Builds a partition's manifest from the facts gathered while its data file was written.</summary>
public static class ManifestGenerator
{
    /// <summary>The manifest committing <paramref name="partition"/> with one data file.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="data">Size, sha256 and rows of the data file, as computed while it was written.</param>
    /// <param name="producer">What wrote it; defaults to <see cref="ManifestProducer.Current"/>.</param>
    /// <param name="timeProvider">The clock for <c>created_at</c>; defaults to <see cref="TimeProvider.System"/>.</param>
    public static Manifest Create(
        PartitionRef partition, DataFileFacts data, ManifestProducer? producer = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(data);
        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        return new Manifest
        {
            Partition = ManifestPartition.Of(partition),
            Tables = new Dictionary<string, ManifestTableEntry>
            {
                [partition.Table] = new ManifestTableEntry
                {
                    File = partition.DataFileName,
                    Checksum = "sha256:" + data.Sha256,
                    RowCount = data.RowCount,
                    ByteSize = data.Size,
                    Codec = data.Codec,
                    FirstLedger = data.FirstLedger,
                    LastLedger = data.LastLedger,
                },
            },
            Producer = producer ?? ManifestProducer.Current,
            CreatedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        };
    }
}
