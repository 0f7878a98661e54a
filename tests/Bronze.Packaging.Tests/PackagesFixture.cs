using System.Globalization;

namespace Bronze.Packaging.Tests;

/// <summary>
/// Packs Bronze once for the test class into a local feed, with a version of its own so no package cache holds a stale
/// copy, writes a nuget.config that adds the feed to the machine's usual sources, and installs the bronze tool from it.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public PackagesFixture()
    {
        Folder = Path.Join(Path.GetTempPath(), "bronze-packaging-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    }

    /// <summary>The repository's root (the folder of Bronze.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Everything of this run: the nuget.config, the feed, the build's output, the tool, the apps.</summary>
    public string Folder { get; }

    public string Version { get; }

    public string Feed => Path.Join(Folder, "feed");

    public string Bronze => Path.Join(Folder, "tools", "bronze");

    public static IReadOnlyList<string> LibraryPackages { get; } = ["Bronze", "Bronze.Parquet", "Bronze.S3", "Bronze.Gcs"];

    public async ValueTask InitializeAsync()
    {
        await PackAsync(Feed, build: true);
        string userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // Added to the user's configuration (which holds the normal source), not replacing it. The packages this run
        // restores go to a folder of its own; the user's folder serves the dependencies it already holds.
        await File.WriteAllTextAsync(Path.Join(Folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Join(Folder, "packages")}" />
              </config>
              <packageSources>
                <add key="bronze-local" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        (await DotnetProcess.RunAsync(DotnetProcess.Dotnet, Folder, BuildTimeout,
            "tool", "install", "Bronze.Cli", "--version", Version, "--tool-path", Path.Join(Folder, "tools"))).Succeeded();
    }

    /// <summary>Packs the five packable projects into <paramref name="feed"/>; without <paramref name="build"/>, from the first build.</summary>
    public async Task PackAsync(string feed, bool build)
    {
        string[] args =
        [
            "pack", Path.Join(RepositoryRoot, "Bronze.Packages.slnf"), "-c", "Release", "-o", feed, "-p:Version=" + Version,
            "--artifacts-path", Path.Join(Folder, "build"), "--disable-build-servers", "-nologo",
        ];
        (await DotnetProcess.RunAsync(DotnetProcess.Dotnet, Folder, BuildTimeout, build ? args : [.. args, "--no-build"])).Succeeded();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string FindRoot()
    {
        for (string? folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Join(folder, "Bronze.sln"))) return folder;
        }

        throw new InvalidOperationException("Bronze.sln not found above " + AppContext.BaseDirectory);
    }
}
