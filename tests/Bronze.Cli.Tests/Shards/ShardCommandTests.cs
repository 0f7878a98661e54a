using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bronze.Testing;

namespace Bronze.Cli.Tests.Shards;

/// <summary><c>copy --shard</c>, its dry-run and <c>ls --shard</c> as a user runs them, and the exit codes engines act on.</summary>
public sealed class ShardCommandTests
{
    [Fact]
    public async Task Copy_FourShards_EachWritesOnlyPartitionsKMod4AndTheUnionVerifies()
    {
        using var folder = new CliTestFolder();
        var written = new List<long>();

        for (int i = 0; i < 4; i++)
        {
            using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, [.. CliTestFolder.Copy(end: 199, more: ["--shard", $"{i}/4", "--json"])]);
            Assert.True(copy.ExitCode == 0, copy.ToString());
            JsonObject summary = copy.JsonLines[^1];
            Assert.Equal((i, 4, 5, 5), ((int)summary["shard_index"]!, (int)summary["shard_count"]!, (int)summary["partitions"]!, (int)summary["written"]!));
            List<long> starts = [.. copy.JsonLines.Where(l => (string?)l["type"] == "partition").Select(l => (long)l["start"]!)];
            Assert.All(starts, start => Assert.Equal(i, start / 10 % 4));
            written.AddRange(starts);
        }

        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out", "--start", "0", "--end", "199", "--partition-size", "10");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal(Enumerable.Range(0, 20).Select(k => k * 10L), written.Order());
    }

    [Fact]
    public async Task DryRunAndLs_Shard_ShowOnlyThatShardsPartitions()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(end: 79));
        Assert.True(copy.ExitCode == 0, copy.ToString());

        using BronzeProcess plan = await BronzeProcess.RunAsync(folder.Path, [.. CliTestFolder.Copy(end: 119, more: ["--shard", "1/3", "--dry-run", "--json"])]);
        using BronzeProcess list = await BronzeProcess.RunAsync(folder.Path, "ls", "--dest", "out", "--shard", "1/3", "--json");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        List<JsonObject> planned = [.. plan.JsonLines.Where(l => (string?)l["event"] == "planned")];
        Assert.Equal([10L, 40, 70, 100], planned.Select(l => (long)l["start"]!));
        Assert.Equal(["complete", "complete", "complete", "new"], planned.Select(l => (string)l["status"]!));
        Assert.All(planned, l => Assert.Equal("1/3", (string?)l["shard"]));
        Assert.Equal((1, 3, 4), ((int)plan.JsonLines[^1]["shard_index"]!, (int)plan.JsonLines[^1]["shard_count"]!, (int)plan.JsonLines[^1]["partitions"]!));
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal([10L, 40, 70], list.JsonLines.Where(l => (string?)l["event"] == "listed").Select(l => (long)l["start"]!));
    }

    [Fact]
    public async Task Copy_ShardAutoUnderASlurmArrayFrom1_TakesShardIdMinusMin()
    {
        using var folder = new CliTestFolder();
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "4", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "4" };

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, slurm, [.. CliTestFolder.Copy(end: 79, more: ["--shard", "auto", "--json"])]);

        Assert.True(copy.ExitCode == 0, copy.ToString());
        Assert.Equal((3, 4), ((int)copy.JsonLines[^1]["shard_index"]!, (int)copy.JsonLines[^1]["shard_count"]!));
        Assert.Equal(["range=30-39", "range=70-79"], Directory.GetDirectories(folder.Dataset).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Copy_StoreUnreachable_Exits75BecauseEveryFailureWasTransient()
    {
        using var folder = new CliTestFolder();
        string dest = $"s3://bucket/lake?endpoint=http://127.0.0.1:{ClosedPort()}&region=us-east-1&max-retries=0";
        var keys = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" };

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, keys, "copy", "--dest", dest, "--end", "19", "--partition-size", "10", "--json");

        Assert.True(copy.ExitCode == 75, copy.ToString());
        Assert.Equal((75, 2), ((int)copy.JsonLines[^1]["exit_code"]!, (int)copy.JsonLines[^1]["failed"]!));
    }

    [Fact]
    public async Task Copy_FailureThatIsNotTransient_KeepsExit1()
    {
        using var folder = new CliTestFolder();
        Directory.CreateDirectory(folder.Out);
        await File.WriteAllTextAsync(Path.Join(folder.Out, "pubnet"), "a file where the dataset's folder goes", TestContext.Current.CancellationToken);

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, [.. CliTestFolder.Copy(more: ["--json"])]);

        Assert.True(copy.ExitCode == 1, copy.ToString());
        Assert.Equal(4, (int)copy.JsonLines[^1]["failed"]!);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
