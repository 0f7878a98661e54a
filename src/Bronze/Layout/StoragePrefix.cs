using Bronze.Storage;

namespace Bronze.Layout;

/// <summary>
/// The dataset prefix (STORAGE_PREFIX): empty for the store's root, or segments joined by single <c>/</c> with no
/// leading or trailing slash, each following <see cref="ObjectKey"/>'s segment rules.
/// </summary>
public static class StoragePrefix
{
    /// <summary>Checks <paramref name="prefix"/> and returns it.</summary>
    /// <param name="prefix">The prefix; empty is allowed.</param>
    /// <param name="field">The name used in error messages.</param>
    /// <exception cref="BronzeException">The prefix breaks a rule.</exception>
    public static string Validate(string prefix, string field = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix.Length == 0 ? prefix : ObjectKey.Validate(prefix, field);
    }
}
