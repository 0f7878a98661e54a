using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>The test harness itself: a CLI run that does not end must fail its test and leave no process behind.</summary>
public sealed class BronzeProcessTests
{
    [Fact]
    public async Task RunWithinAsync_ChildOutlivesPatience_KillsItAndThrowsTimeout()
    {
        // Arrange: a copy far longer than the patience (the runtime alone takes longer to start).
        using var folder = new CliTestFolder();

        // Act
        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => BronzeProcess.RunWithinAsync(TimeSpan.FromMilliseconds(50), folder.Path, CliTestFolder.Copy(end: 9_999_999)));

        // Assert: nothing runs in the test's folder any more.
        Assert.Empty(ProcessesIn(folder.Path));
        Assert.Contains("did not end within", timeout.Message, StringComparison.Ordinal);
    }

    /// <summary>The ids of the live processes whose working directory is <paramref name="folder"/> (Linux /proc).</summary>
    private static List<int> ProcessesIn(string folder)
    {
        var found = new List<int>();
        foreach (string entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out int id)) continue;
            try
            {
                if (new DirectoryInfo(Path.Join(entry, "cwd")).LinkTarget == folder) found.Add(id);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's: not ours.
            }
        }

        return found;
    }
}
