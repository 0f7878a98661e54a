namespace Bronze.Verification;

/// <summary>What verification found wrong.</summary>
public enum VerificationIssueKind
{
    /// <summary>A partition of the requested range has neither data file nor manifest.</summary>
    MissingPartition,

    /// <summary>The data file exists but the manifest does not (an uncommitted, incomplete partition).</summary>
    MissingManifest,

    /// <summary>The manifest exists but the data file it names does not.</summary>
    MissingDataFile,

    /// <summary>The manifest is not valid JSON or breaks a rule of the manifest schema.</summary>
    InvalidManifest,

    /// <summary>The manifest's partition fields or file name do not match the partition's path.</summary>
    PartitionMismatch,

    /// <summary>The data file's sha256 differs from the manifest's checksum.</summary>
    ChecksumMismatch,

    /// <summary>The data file's size differs from the manifest's byte size.</summary>
    SizeMismatch,

    /// <summary>The data file's footer row count differs from the manifest's, or does not fit the range.</summary>
    RowCountMismatch,

    /// <summary>The data file is not a readable Parquet file (bad magic, truncated, corrupt footer).</summary>
    UnreadableDataFile,

    /// <summary>An object under the table's folder is not part of the layout.</summary>
    UnexpectedFile,

    /// <summary>A symbolic link, FIFO, socket, device or unreadable folder where the layout has objects; never followed or opened.</summary>
    NotARegularFile,

    /// <summary>The data file's schema is not the table's.</summary>
    SchemaMismatch,

    /// <summary>The column chunks' codec differs from the manifest's.</summary>
    CodecMismatch,

    /// <summary>The ledger_sequence statistics lie outside the partition or differ from the manifest's first/last ledger.</summary>
    LedgerRangeMismatch,
}
