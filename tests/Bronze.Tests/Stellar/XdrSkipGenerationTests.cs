using System.Diagnostics;
using Bronze.Testing;

namespace Bronze.Tests.Stellar;

/// <summary>The generated walkers under src/Bronze/Stellar/Xdr are exactly what tools/stellar/generate-skipper.mjs writes.</summary>
public sealed class XdrSkipGenerationTests
{
    [Fact]
    public async Task GenerateSkipper_FromPinnedStellarBase_GivesTheCommittedFiles()
    {
        string decodeScript = StellarBase.Require();
        string tools = Path.GetDirectoryName(decodeScript)!;
        string committed = Path.GetFullPath(Path.Combine(tools, "..", "..", "src", "Bronze", "Stellar", "Xdr"));
        using var output = new TempDirectory();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(tools, "generate-skipper.mjs"));
        start.ArgumentList.Add(output.Path);

        using Process process = Process.Start(start)!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        string[] generated = [.. Directory.GetFiles(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        string[] expected = [.. Directory.GetFiles(committed, "*.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(expected, generated);
        foreach (string name in generated)
        {
            Assert.True(
                File.ReadAllText(Path.Combine(output.Path, name)) == File.ReadAllText(Path.Combine(committed, name)),
                $"{name} differs from what tools/stellar/generate-skipper.mjs writes: run it again.");
        }
    }
}
