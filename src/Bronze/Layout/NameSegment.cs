
namespace Bronze.Layout;

/// <summary>
/// The rule for the name segments of the layout (network, era id, version label, table): 1 to
/// <see cref="MaxLength"/> characters of lower-case letters, digits, <c>_</c>, <c>-</c> and <c>.</c>; not <c>.</c> or
/// <c>..</c> and not starting with <c>.</c>.
/// </summary>
public static class NameSegment
{
    /// <summary>The longest name segment allowed.</summary>
    public const int MaxLength = 64;

    /// <summary>Checks <paramref name="value"/> against the rule and returns it.</summary>
    /// <param name="field">The field's name for the error message, e.g. <c>network</c>.</param>
    /// <param name="value">The value to check.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the field and the rule.</exception>
    public static string Validate(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) throw BronzeException.Invalid(field, "not be empty");
        if (value.Length > MaxLength) throw BronzeException.Invalid(field, $"be at most {MaxLength} characters", value);
        if (value.StartsWith('.')) throw BronzeException.Invalid(field, "not start with '.' (this rules out '.' and '..')", value);
        foreach (char c in value)
        {
            bool allowed = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.';
            if (!allowed)
            {
                string rule = c is '/' or '\\' ? "not contain path separators ('/' or '\\')"
                    : char.IsControl(c) ? "not contain control characters"
                    : char.IsUpper(c) ? "be lower case"
                    : "use only lower-case letters, digits, '_', '-' and '.'";
                throw BronzeException.Invalid(field, rule, value);
            }
        }

        return value;
    }
}
