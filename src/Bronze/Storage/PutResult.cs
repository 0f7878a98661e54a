namespace Bronze.Storage;

/// <summary>The result of a put-if-absent.</summary>
/// <param name="Key">The key that was written or found to exist.</param>
/// <param name="Outcome">Whether this write created the object.</param>
/// <param name="Size">The number of bytes read from the content offered to the put.</param>
/// <param name="Sha256">The lower-case hex sha256 of the content offered to the put, computed while it was read.</param>
public sealed record PutResult(string Key, PutOutcome Outcome, long Size, string Sha256)
{
    /// <summary>Whether this write created the object.</summary>
    public bool Created => Outcome == PutOutcome.Created;
}
