using System.Globalization;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Parquet;
using Bronze.Tables;
using Microsoft.Extensions.Logging;
using Bronze.Copier;

namespace Bronze;

/// <summary>What a <see cref="LedgerCopier"/> copies and how. Every default is documented on its property.</summary>
public sealed record CopierOptions
{
    /// <summary>The default ledgers per partition.</summary>
    public const long DefaultPartitionSize = 10_000;

    /// <summary>The largest parallelism allowed.</summary>
    public const int MaxParallelism = 256;

    /// <summary>The dataset and table to write; its table must be <c>ledgers_lcm_raw</c>, the one table the copier writes.</summary>
    public required DatasetRef Dataset { get; init; }

    /// <summary>The first ledger to copy: a multiple of <see cref="PartitionSize"/>.</summary>
    public required long Start { get; init; }

    /// <summary>The last ledger to copy, inclusive: one less than a multiple of <see cref="PartitionSize"/>.</summary>
    public required long End { get; init; }

    /// <summary>Ledgers per partition. Default 10,000.</summary>
    public long PartitionSize { get; init; } = DefaultPartitionSize;

    /// <summary>Partitions written at once. Default <see cref="Environment.ProcessorCount"/> (one per core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The Parquet codec. Default <see cref="ParquetCodec.Zstd"/>.</summary>
    public ParquetCodec Codec { get; init; } = ParquetCodec.Zstd;

    /// <summary>The dataset prefix inside the store; empty (the default) means the store's root.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>
    /// This task's share of the range when N tasks copy it side by side: partition k of the range goes to shard
    /// k mod N. Default <see cref="Shard.All"/> (every partition).
    /// </summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>
    /// Target uncompressed bytes per Parquet row group. Default 32 MiB: the writer holds about one compressed row
    /// group per partition in memory, so this with <see cref="Parallelism"/> bounds the copier's memory.
    /// </summary>
    public long RowGroupBytes { get; init; } = 32L << 20;

    /// <summary>What the manifests name as their producer. Default <see cref="ManifestProducer.Current"/>.</summary>
    public ManifestProducer? Producer { get; init; }

    /// <summary>The clock for manifests' <c>created_at</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Receives the copier's events, called from worker threads, possibly at once: it must be thread-safe and quick.
    /// Default none.
    /// </summary>
    public IProgress<CopierEvent>? Progress { get; init; }

    /// <summary>
    /// Receives the copier's log messages: the run's start and end, and how each partition ended (written and healed at
    /// Information, skipped at Debug, conflicts at Warning, failures at Error with the exception). Default none.
    /// Metrics and traces need no option: see <see cref="BronzeTelemetry"/>.
    /// </summary>
    public ILogger? Logger { get; init; }

    /// <summary>Checks every value and returns the options.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the option and the rule.</exception>
    public CopierOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Dataset);
        ArgumentNullException.ThrowIfNull(Shard);
        if (Dataset.Table != LedgerTable.Name)
            throw BronzeException.Invalid("table", $"be {LedgerTable.Name}, the only table the copier writes", Dataset.Table);
        StoragePrefix.Validate(Prefix);
        if (End > uint.MaxValue)
            throw BronzeException.Invalid("end", $"be at most {uint.MaxValue} (ledger sequences are 32-bit)", End.ToString(CultureInfo.InvariantCulture));
        _ = PartitionRef.Cover(Dataset, Start, End, PartitionSize);
        if (Parallelism is < 1 or > MaxParallelism)
            throw BronzeException.Invalid("parallel", $"be between 1 and {MaxParallelism}", Parallelism.ToString(CultureInfo.InvariantCulture));
        if (!Enum.IsDefined(Codec)) throw BronzeException.Invalid("codec", "be one of " + string.Join(", ", CodecNames.All), Codec.ToString());
        if (RowGroupBytes < 1 << 20)
            throw BronzeException.Invalid("row_group_bytes", "be at least 1 MiB", RowGroupBytes.ToString(CultureInfo.InvariantCulture));
        return this;
    }
}
