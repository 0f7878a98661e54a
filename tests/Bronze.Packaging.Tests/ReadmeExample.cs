namespace Bronze.Packaging.Tests;

/// <summary>The README's library example, taken from README.md itself so the README cannot drift from the packages.</summary>
internal static class ReadmeExample
{
    /// <summary>The C# block under "## The library", writing to <paramref name="lake"/> and stopping at <paramref name="lastLedger"/>.</summary>
    public static string Library(string lake, long lastLedger)
    {
        string readme = File.ReadAllText(Path.Join(PackagesFixture.RepositoryRoot, "README.md"));
        int section = readme.IndexOf("\n## The library", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## The library' section");
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        string code = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        code = ReplaceOnce(code, "\"/data/lake\"", $"\"{lake}\"");
        return ReplaceOnce(code, "End = 99_999,", $"End = {lastLedger},");
    }

    private static string ReplaceOnce(string code, string text, string replacement)
    {
        int at = code.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0 && code.IndexOf(text, at + 1, StringComparison.Ordinal) < 0,
            $"README.md's library example should hold `{text}` once: this test replaces it (tests/Bronze.Packaging.Tests/ReadmeExample.cs)");
        return code[..at] + replacement + code[(at + text.Length)..];
    }
}
