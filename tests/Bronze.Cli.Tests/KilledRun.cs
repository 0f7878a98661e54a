using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>
/// A copy killed (SIGKILL) once its first partition is written, then run again to the end, then verified: the shape
/// of every crash-and-resume test of the CLI, whatever the source.
/// </summary>
internal sealed record KilledRun(int Committed, BronzeProcess Resumed, BronzeProcess Verify) : IDisposable
{
    /// <summary>Runs <paramref name="copyArgs"/>, kills it after its first written partition, counts the manifests
    /// left, reruns it with <c>--json</c>, and verifies <c>out</c> over ledgers 0..<paramref name="end"/> in partitions
    /// of 100.</summary>
    public static async Task<KilledRun> RunAsync(CliTestFolder folder, string[] copyArgs, long end)
    {
        using (BronzeProcess killed = BronzeProcess.Start(folder.Path, null, copyArgs))
        {
            await killed.FirstWritten.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            killed.Kill();
            await killed.WaitAsync();
        }

        int committed = Directory.EnumerateFiles(folder.Dataset, "_manifest.json", SearchOption.AllDirectories).Count();
        BronzeProcess resumed = await BronzeProcess.RunAsync(folder.Path, [.. copyArgs, "--json"]);
        BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out", "--start", "0",
            "--end", end.ToString(System.Globalization.CultureInfo.InvariantCulture), "--partition-size", "100");
        return new KilledRun(committed, resumed, verify);
    }

    public void Dispose()
    {
        Resumed.Dispose();
        Verify.Dispose();
    }
}
