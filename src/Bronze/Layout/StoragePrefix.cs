using Bronze.Storage;

namespace Bronze.Layout;

/// <summary>
/// The dataset prefix (STORAGE_PREFIX): empty for the store's root, or segments joined by single <c>/</c> with no
/// leading or trailing slash, each following <see cref="ObjectKey"/>'s segment rules, and at most
/// <see cref="MaxLength"/> characters, so that every key the layout builds under it fits <see cref="ObjectKey.MaxLength"/>.
/// </summary>
public static class StoragePrefix
{
    /// <summary>
    /// The longest prefix allowed: <see cref="ObjectKey.MaxLength"/> less the longest key the layout builds below a
    /// prefix (four name segments of <see cref="NameSegment.MaxLength"/> characters and a data file of a partition whose
    /// start and end have 19 digits). A longer prefix would be accepted here and fail at the first write.
    /// </summary>
    public static int MaxLength { get; } = ObjectKey.MaxLength - LongestKeyBelowPrefix();

    /// <summary>Checks <paramref name="prefix"/> and returns it.</summary>
    /// <param name="prefix">The prefix; empty is allowed.</param>
    /// <param name="field">The name used in error messages.</param>
    /// <exception cref="BronzeException">The prefix breaks a rule.</exception>
    public static string Validate(string prefix, string field = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        // The empty prefix returns before MaxLength is read: computing MaxLength builds keys under the empty prefix.
        if (prefix.Length == 0) return prefix;
        if (prefix.Length > MaxLength)
        {
            throw BronzeException.Invalid(field,
                $"be at most {MaxLength} characters, so that the longest key the layout builds under it "
                + $"({ObjectKey.MaxLength - MaxLength} characters more) fits the {ObjectKey.MaxLength}-character key limit; it has {prefix.Length}");
        }

        return ObjectKey.Validate(prefix, field);
    }

    // Built by the layout itself, so that the bound follows any change to the key shapes.
    private static int LongestKeyBelowPrefix()
    {
        string name = new('a', NameSegment.MaxLength);
        var partition = new PartitionRef(name, name, name, name, long.MaxValue, long.MaxValue);
        return 1 + Math.Max(partition.DataKey().Length, partition.ManifestKey().Length);
    }
}
