using System.Diagnostics;
using Bronze.CrashWriter;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Storage;

/// <summary>
/// Kills a writer process with SIGKILL at varying moments of its puts, round after round, and checks after each kill
/// that every object under a final name is complete, and at the end that later writers finish the job.
/// </summary>
public sealed class LocalStoreCrashTests : IDisposable
{
    private const int Objects = 12;
    private const int BaseSize = 24 << 20;
    private const int Rounds = 10;
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PutIfAbsentAsync_WriterKilledMidPut_LeavesOnlyCompleteObjectsAndLaterWritersSucceed()
    {
        var store = new LocalStore(_temp.Path);
        var createdBy = new Dictionary<int, int>();
        int kills = 0;

        for (int round = 0; round < Rounds; round++)
        {
            int next = (await ListAllAsync(store)).Count;
            using Process child = StartWriter(store.Root);
            // Kill once the first not-yet-written object is under way, after a delay that moves the moment across
            // the write, the fsync and the publish of that object and the next one.
            var delay = TimeSpan.FromMilliseconds(round * 41 % 330);
            List<string> lines = await ReadUntilAsync(child, $"begin {Math.Min(next, Objects - 1)}");
            await Task.Delay(delay, Ct);
            if (!child.HasExited)
            {
                child.Kill();
                kills++;
            }

            await child.WaitForExitAsync(Ct);
            lines.AddRange(await ReadRestAsync(child));
            RecordCreations(lines, round, createdBy);

            await AssertOnlyCompleteObjectsAsync(store);
        }

        using (Process last = StartWriter(store.Root))
        {
            List<string> lines = await ReadRestAsync(last);
            await last.WaitForExitAsync(Ct);
            Assert.Equal(0, last.ExitCode);
            Assert.Equal("done", lines[^1]);
            RecordCreations(lines, Rounds, createdBy);
        }

        Assert.True(kills >= Rounds / 2, $"Only {kills} of {Rounds} rounds killed a writer before it finished.");
        Assert.Equal(Objects, (await ListAllAsync(store)).Count);
        await AssertOnlyCompleteObjectsAsync(store);
        int leftovers = await store.DeleteStaleTempFilesAsync(TimeSpan.Zero, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{kills} kills, {leftovers} temp files left behind and swept.");
        Assert.Empty(Directory.GetFiles(store.Root, ".*", SearchOption.AllDirectories));
        Assert.Equal(Objects, (await ListAllAsync(store)).Count);
    }

    /// <summary>Every file under a final name, listed or not, holds exactly its complete object; temps are never listed.</summary>
    private static async Task AssertOnlyCompleteObjectsAsync(LocalStore store)
    {
        List<ObjectInfo> listed = await ListAllAsync(store);
        string[] onDisk = [.. Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(store.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];
        Assert.Equal(onDisk, listed.Select(o => o.Key));
        for (int i = 0; i < Objects; i++)
        {
            string key = CrashContent.Key(i);
            if (!onDisk.Contains(key)) continue;
            Assert.Equal(CrashContent.Bytes(i, BaseSize), await File.ReadAllBytesAsync(Path.Join(store.Root, key), Ct));
        }

        Assert.All(listed, o => Assert.Contains(o.Key, Enumerable.Range(0, Objects).Select(CrashContent.Key)));
    }

    /// <summary>Each object is created by at most one writer; a writer killed after its publish reports nothing.</summary>
    private static void RecordCreations(List<string> lines, int round, Dictionary<int, int> createdBy)
    {
        foreach (string line in lines.Where(l => l.StartsWith("created ", StringComparison.Ordinal)))
        {
            int index = int.Parse(line["created ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(createdBy.TryAdd(index, round), $"Object {index} was created twice (rounds {createdBy.GetValueOrDefault(index)} and {round}).");
        }
    }

    private static Process StartWriter(string root)
    {
        string dll = Path.Join(AppContext.BaseDirectory, "Bronze.CrashWriter.dll");
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, [dll, root, Objects.ToString(System.Globalization.CultureInfo.InvariantCulture),
            BaseSize.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
    }

    private static async Task<List<string>> ReadUntilAsync(Process child, string awaited)
    {
        var lines = new List<string>();
        while (await child.StandardOutput.ReadLineAsync(Ct) is { } line)
        {
            lines.Add(line);
            if (line == awaited || line == "done") break;
        }

        return lines;
    }

    private static async Task<List<string>> ReadRestAsync(Process child)
    {
        var lines = new List<string>();
        while (await child.StandardOutput.ReadLineAsync(Ct) is { } line) lines.Add(line);
        return lines;
    }

    private static async Task<List<ObjectInfo>> ListAllAsync(LocalStore store)
    {
        var all = new List<ObjectInfo>();
        await foreach (ObjectInfo info in store.ListAsync("", Ct)) all.Add(info);
        return all;
    }
}
