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
    public async Task Copy_StoreUnreachable_Exits75BecauseTheFailureWasTransient()
    {
        using var folder = new CliTestFolder();
        string dest = $"s3://bucket/lake?endpoint=http://127.0.0.1:{ClosedPort()}&region=us-east-1&max-retries=0";

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, TestKeys, "copy", "--dest", dest, "--end", "19", "--partition-size", "10", "--json");

        // The run stops at its first request (listing the dataset for overlapping partitions): one error line.
        Assert.True(copy.ExitCode == 75, copy.ToString());
        Assert.Equal(("error", 75), ((string?)copy.JsonLines[^1]["type"], (int)copy.JsonLines[^1]["exit_code"]!));
    }

    [Fact]
    public async Task Copy_StoreDeniesAccess_KeepsExit1BecauseTheFailureIsNotTransient()
    {
        using var folder = new CliTestFolder();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task server = DenyEveryRequestAsync(listener, stop.Token);
        string dest = $"s3://bucket/lake?endpoint=http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}&region=us-east-1&max-retries=0";

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, TestKeys, "copy", "--dest", dest, "--end", "19", "--partition-size", "10", "--json");
        await stop.CancelAsync();
        await server;

        Assert.True(copy.ExitCode == 1, copy.ToString());
        Assert.Equal(1, (int)copy.JsonLines[^1]["exit_code"]!);
    }

    private static Dictionary<string, string> TestKeys => new() { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" };

    /// <summary>An S3 endpoint that answers every request 403 AccessDenied: a permanent failure, never retried.</summary>
    private static async Task DenyEveryRequestAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        const string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
        string response = "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nConnection: close\r\n"
            + $"Content-Length: {body.Length}\r\n\r\n{body}";
        try
        {
            while (true)
            {
                using TcpClient client = await listener.AcceptTcpClientAsync(cancellationToken);
                NetworkStream stream = client.GetStream();
                byte[] buffer = new byte[64 * 1024];
                int read = await stream.ReadAsync(buffer, cancellationToken); // the request head; a denied request's body is never read
                if (read == 0) continue;
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(response), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
