using System.Reflection;

namespace Bronze.Parquet.Writing;

/// <summary>How a <see cref="ParquetWriter"/> lays out and compresses a file. Every default is documented below.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>The codec for every page. Default <see cref="ParquetCodec.Zstd"/>.</summary>
    public ParquetCodec Codec { get; init; } = ParquetCodec.Zstd;

    /// <summary>The codec's level, or null (the default) for the codec's own default (zstd 3).</summary>
    public int? CompressionLevel { get; init; }

    /// <summary>
    /// Target uncompressed bytes per data page (default 1 MiB), for every column without a
    /// <see cref="Schema.ParquetColumn.PageSize"/> of its own. A page ends once it reaches this size, so a single value
    /// larger than the target makes a page of its own.
    /// </summary>
    public int PageSize { get; init; } = 1 << 20;

    /// <summary>
    /// Target uncompressed bytes per row group (default 128 MiB). A row group ends at the first batch end where it
    /// reaches this size; the writer's memory is about this budget (compressed) plus one page per column.
    /// </summary>
    public long RowGroupSize { get; init; } = 128L << 20;

    /// <summary>Most rows per row group, or null (the default) for no limit beyond <see cref="RowGroupSize"/>.</summary>
    public long? RowGroupRowLimit { get; init; }

    /// <summary>
    /// Largest PLAIN-encoded dictionary per column chunk (default 1 MiB). A dictionary-encoded column whose dictionary
    /// outgrows it writes the rest of the chunk PLAIN.
    /// </summary>
    public int DictionaryPageSizeLimit { get; init; } = 1 << 20;

    /// <summary>
    /// Longest binary min or max statistic written (default 256 bytes); when a chunk's min or max is longer, both
    /// are omitted (the null count stays), as the format allows.
    /// </summary>
    public int MaxStatisticsValueLength { get; init; } = 256;

    /// <summary>Key-value metadata for the footer, in order. Default none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> KeyValueMetadata { get; init; } = [];

    /// <summary>
    /// The footer's <c>created_by</c>. Default <c>bronze version X</c> with this assembly's version, without the
    /// build's source revision: it is part of the file's bytes, and a partition left incomplete by one build must be
    /// healable by the next (the same rows must give the same bytes). The manifest records the producer's git sha.
    /// </summary>
    public string CreatedBy { get; init; } = DefaultCreatedBy;

    /// <summary>The default <see cref="CreatedBy"/> of this build.</summary>
    public static string DefaultCreatedBy { get; } = BuildCreatedBy();

    private static string BuildCreatedBy()
    {
        string informational = typeof(ParquetWriterOptions).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return $"bronze version {(plus < 0 ? informational : informational[..plus])}";
    }

    /// <summary>Checks the values; the message names the option and the rule.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Codec)) throw new ArgumentOutOfRangeException(nameof(Codec), Codec, "Not a codec Bronze writes.");
        if (PageSize < Schema.ParquetSchema.MinPageSize) throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "Must be at least 1024 bytes.");
        if (RowGroupSize < 1) throw new ArgumentOutOfRangeException(nameof(RowGroupSize), RowGroupSize, "Must be positive.");
        if (RowGroupRowLimit is < 1) throw new ArgumentOutOfRangeException(nameof(RowGroupRowLimit), RowGroupRowLimit, "Must be positive.");
        if (DictionaryPageSizeLimit < 0) throw new ArgumentOutOfRangeException(nameof(DictionaryPageSizeLimit), DictionaryPageSizeLimit, "Must not be negative.");
        if (MaxStatisticsValueLength < 0) throw new ArgumentOutOfRangeException(nameof(MaxStatisticsValueLength), MaxStatisticsValueLength, "Must not be negative.");
        ArgumentNullException.ThrowIfNull(KeyValueMetadata);
        ArgumentNullException.ThrowIfNull(CreatedBy);
    }
}
