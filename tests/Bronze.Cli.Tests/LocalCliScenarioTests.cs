using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>The end-to-end CLI scenario on a local folder.</summary>
public sealed class LocalCliScenarioTests : CliStoreScenarioTests
{
    /// <inheritdoc />
    protected override Task<string> CreateStoreAsync() => Task.FromResult(Path.Join(Folder, "store-" + Guid.NewGuid().ToString("N")[..8]));

    /// <inheritdoc />
    protected override IObjectStore OpenStore(string location) => new LocalStore(location);

    /// <inheritdoc />
    protected override Task UploadAsync(string location, string key, string path)
    {
        string target = Path.Join(location, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(path, target);
        return Task.CompletedTask;
    }
}
