using System.Text.RegularExpressions;

namespace Bronze.Cli.Output;

/// <summary>
/// Removes credentials from text before it is printed: the user-info of any URL (<c>http://user:secret@host</c>) becomes
/// <c>***@</c>, wherever it appears (a flag echoed in an error, a store's description, an SDK's message).
/// </summary>
internal static partial class Redaction
{
    public static string Redact(string text) => text.Contains('@', StringComparison.Ordinal) ? UserInfo().Replace(text, "://***@") : text;

    // user-info: anything up to '@' without '/', whitespace or quotes; JSON escapes do not add any of those.
    [GeneratedRegex(@"://[^/@\s""']+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
