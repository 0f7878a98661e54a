namespace Bronze.Manifests;

/// <summary>What was learned about a data file while it was written, for its manifest entry.</summary>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Sha256">The lower-case hex sha256 of the file's bytes.</param>
/// <param name="RowCount">The number of rows written.</param>
/// <param name="Codec">The Parquet codec used, e.g. <c>zstd</c>; <see langword="null"/> if unknown.</param>
/// <param name="FirstLedger">The lowest ledger sequence written; <see langword="null"/> with no rows.</param>
/// <param name="LastLedger">The highest ledger sequence written; <see langword="null"/> with no rows.</param>
public sealed record DataFileFacts(long Size, string Sha256, long RowCount, string? Codec, long? FirstLedger, long? LastLedger);
