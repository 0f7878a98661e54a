namespace Bronze.Stellar.Xdr;

/// <summary>
/// XDR that cannot be walked: truncated, a length past the end or over its limit, nesting too deep, or a union arm this
/// build does not know (<see cref="IsUnknownArm"/>, which may be a newer protocol rather than corruption). The decoder
/// turns it into a <see cref="BronzeException"/> that names the ledger.
/// </summary>
internal sealed class XdrException(string message, int offset, bool isUnknownArm) : Exception(message)
{
    /// <summary>The byte offset, from the start of the value being walked, where the problem was found.</summary>
    public int Offset { get; } = offset;

    /// <summary>Whether the problem is a union arm this build does not know.</summary>
    public bool IsUnknownArm { get; } = isUnknownArm;
}
