using System.Diagnostics;

namespace Bronze.Slurm.Tests;

/// <summary>
/// The self-contained, single-file Linux build of <c>bronze</c> that the Slurm tasks run, published once per test run
/// by tools/publish/linux-x64.sh (incremental: seconds when nothing changed).
/// </summary>
internal static class PublishedBronze
{
    private static readonly Lazy<Task<string>> Binary = new(PublishAsync);

    /// <summary>The repository's root (the folder holding Bronze.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The published binary's path, publishing it on the first call.</summary>
    public static Task<string> PathAsync() => Binary.Value;

    private static async Task<string> PublishAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(Path.Join(RepositoryRoot, "tools", "publish", "linux-x64.sh"));
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string path = (await output).Trim();
        if (process.ExitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"tools/publish/linux-x64.sh failed (exit {process.ExitCode}):\n{await error}");
        return path;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Join(folder.FullName, "Bronze.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No Bronze.sln above {AppContext.BaseDirectory}.");
    }
}
