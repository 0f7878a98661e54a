using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Footer;

/// <summary>One column chunk's metadata, as the footer records it.</summary>
/// <param name="Path">The column's path in the schema (one name for flat columns).</param>
/// <param name="PhysicalType">How values are stored.</param>
/// <param name="Codec">The pages' compression codec.</param>
/// <param name="Encodings">Every encoding used in the chunk (pages and levels), ascending.</param>
/// <param name="ValueCount">Values in the chunk, nulls included.</param>
/// <param name="TotalUncompressedSize">Bytes of the chunk's pages before compression, page headers included.</param>
/// <param name="TotalCompressedSize">Bytes the chunk occupies in the file, page headers included.</param>
/// <param name="DataPageOffset">The file offset of the first data page.</param>
/// <param name="DictionaryPageOffset">The file offset of the dictionary page, when there is one.</param>
/// <param name="Statistics">The chunk's statistics, when recorded.</param>
public sealed record ParquetColumnChunkInfo(
    IReadOnlyList<string> Path,
    ParquetPhysicalType PhysicalType,
    ParquetCodec Codec,
    IReadOnlyList<ParquetEncoding> Encodings,
    long ValueCount,
    long TotalUncompressedSize,
    long TotalCompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    ParquetStatistics? Statistics)
{
    /// <summary>The file offset where the chunk starts (its dictionary page, else its first data page).</summary>
    public long StartOffset => DictionaryPageOffset ?? DataPageOffset;

    /// <summary>The file that holds the chunk when it is not this one (a summary file's reference), else null.</summary>
    public string? FilePath { get; init; }

    /// <summary>The file offset of the chunk's index page (deprecated; no writer sets it), when recorded.</summary>
    public long? IndexPageOffset { get; init; }

    /// <summary>The page index's offset index (page locations): its file offset, when written.</summary>
    public long? OffsetIndexOffset { get; init; }

    /// <summary>The page index's offset index: its length in bytes, when written.</summary>
    public int? OffsetIndexLength { get; init; }

    /// <summary>The page index's column index (per-page min/max): its file offset, when written.</summary>
    public long? ColumnIndexOffset { get; init; }

    /// <summary>The page index's column index: its length in bytes, when written.</summary>
    public int? ColumnIndexLength { get; init; }

    /// <summary>The chunk's bloom filter: its file offset, when written.</summary>
    public long? BloomFilterOffset { get; init; }

    /// <summary>The chunk's bloom filter: its length in bytes, when recorded.</summary>
    public int? BloomFilterLength { get; init; }
}
