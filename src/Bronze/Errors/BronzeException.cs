namespace Bronze;

/// <summary>
/// The one exception type Bronze throws for failures a caller can act on. <see cref="Kind"/> says what went wrong,
/// <see cref="IsTransient"/> whether the same call may succeed if retried, and <see cref="Field"/> names the input at
/// fault for <see cref="BronzeErrorKind.InvalidInput"/>.
/// </summary>
public class BronzeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A message that names what failed and why.</param>
    /// <param name="isTransient">Whether retrying the same call may succeed.</param>
    /// <param name="field">The input field, option or variable at fault, when there is one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public BronzeException(
        BronzeErrorKind kind, string message, bool isTransient = false, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        IsTransient = isTransient;
        Field = field;
    }

    /// <summary>What went wrong.</summary>
    public BronzeErrorKind Kind { get; }

    /// <summary>Whether the same call may succeed if retried (timeouts, throttling, dropped connections).</summary>
    public bool IsTransient { get; }

    /// <summary>
    /// The setting at fault, in the library's one vocabulary: snake-case setting names (<c>start</c>,
    /// <c>partition_size</c>, <c>network_passphrase</c>, <c>lake</c>, <c>location</c>, <c>bucket</c>, <c>root</c>,
    /// <c>part_size</c>, <c>max_retries</c>...), never a host's flag or variable; a host maps them to its own names (the
    /// CLI to its flags). <see langword="null"/> when none applies.
    /// </summary>
    public string? Field { get; }

    /// <summary>An <see cref="BronzeErrorKind.InvalidInput"/> error naming the field and the rule it breaks.</summary>
    /// <param name="field">The field, option or variable at fault.</param>
    /// <param name="rule">The rule, worded to complete "field must ...", e.g. "not be empty".</param>
    /// <param name="value">The offending value, quoted in the message when given.</param>
    public static BronzeException Invalid(string field, string rule, string? value = null)
    {
        string shown = value is null ? "" : $" (got \"{Escape(value)}\")";
        return new BronzeException(BronzeErrorKind.InvalidInput, $"{field} must {rule}{shown}.", field: field);
    }

    /// <summary>A <see cref="BronzeErrorKind.NotFound"/> error for a missing object.</summary>
    /// <param name="what">What is missing, e.g. "object 'a/b.parquet' in file:///data".</param>
    public static BronzeException NotFound(string what) => new(BronzeErrorKind.NotFound, $"{what} does not exist.");

    private static string Escape(string value)
    {
        const int Shown = 80;
        string clipped = value.Length > Shown ? value[..Shown] + "..." : value;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
