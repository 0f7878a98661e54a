using System.Globalization;
using Bronze.Layout;
using Bronze.Verification;

namespace Bronze;

/// <summary>What a <see cref="DatasetVerifier"/> checks. Every default is documented on its property.</summary>
public sealed record VerificationOptions
{
    /// <summary>
    /// The most partitions a range may name: each missing one is reported, so the report grows with the range, and a
    /// range past what exists would fill memory with "missing" before reading anything.
    /// </summary>
    public const int MaxRangePartitions = 1_000_000;

    /// <summary>The table to verify.</summary>
    public required DatasetRef Dataset { get; init; }

    /// <summary>The dataset prefix inside the store; empty (the default) means the store's root.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>
    /// The first ledger of the range to verify (a multiple of <see cref="PartitionSize"/>), or <see langword="null"/>
    /// (the default) to verify every partition found under the table's folder. Set with <see cref="End"/>.
    /// </summary>
    public long? Start { get; init; }

    /// <summary>The last ledger of the range, inclusive, or <see langword="null"/> (the default). Set with <see cref="Start"/>.</summary>
    public long? End { get; init; }

    /// <summary>Ledgers per partition, for a range: every partition of it must exist. Default 10,000.</summary>
    public long PartitionSize { get; init; } = CopierOptions.DefaultPartitionSize;

    /// <summary>Partitions read at once. Default <see cref="Environment.ProcessorCount"/>.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives each partition's result as it is known, from worker threads. Default none.</summary>
    public IProgress<PartitionVerification>? Progress { get; init; }

    /// <summary>Checks every value and returns the options.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the option and the rule.</exception>
    public VerificationOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Dataset);
        StoragePrefix.Validate(Prefix);
        if (Start is null != End is null)
            throw BronzeException.Invalid(Start is null ? "start" : "end", "be given together with " + (Start is null ? "end" : "start"));
        if (Start is { } start && End is { } end && PartitionRef.Cover(Dataset, start, end, PartitionSize).Count > MaxRangePartitions)
        {
            throw BronzeException.Invalid(
                "end", $"leave at most {MaxRangePartitions} partitions to verify (without a range, verify checks every partition found)",
                end.ToString(CultureInfo.InvariantCulture));
        }

        if (Parallelism is < 1 or > CopierOptions.MaxParallelism)
        {
            throw BronzeException.Invalid(
                "parallel", $"be between 1 and {CopierOptions.MaxParallelism}", Parallelism.ToString(CultureInfo.InvariantCulture));
        }
        return this;
    }
}
