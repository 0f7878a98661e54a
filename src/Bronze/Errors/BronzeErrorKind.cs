namespace Bronze;

/// <summary>What went wrong, in the terms a caller acts on (retry, fix the input, report a conflict).</summary>
public enum BronzeErrorKind
{
    /// <summary>An argument, option or configuration value breaks a rule; nothing was written.</summary>
    InvalidInput,

    /// <summary>The requested object or partition does not exist.</summary>
    NotFound,

    /// <summary>What is stored differs from what it should be (checksum, size, row count, malformed file).</summary>
    IntegrityMismatch,

    /// <summary>What exists differs from what this run would write; it is reported, never overwritten.</summary>
    Conflict,

    /// <summary>The store could not be reached or refused the request (network, permissions, server error).</summary>
    StoreFailure,

    /// <summary>
    /// Input data is malformed (e.g. a ledger's XDR is truncated or its hash does not match): the data, not an argument,
    /// is at fault, so nothing is written for it and retrying the same data fails the same way.
    /// </summary>
    CorruptData,

    /// <summary>A local I/O or runtime failure that fits none of the kinds above.</summary>
    Failure,
}
