using Bronze.Testing;
namespace Bronze.Cli.Tests;

public sealed class InvalidArgumentsTests
{
    // A valid key one character longer than the layout leaves room for: its partitions' keys fit, a longer dataset's not.
    private static readonly string PrefixOf666 = string.Join('/', new string('a', 255), new string('b', 255), new string('c', 154));

    public static TheoryData<string[], string> BadFlags() => new()
    {
        { ["--start", "abc"], "--start must be a whole number" },
        { ["--start", "5"], "--start must be a multiple of the partition size" },
        { ["--end", "25"], "--end must be one less than a multiple" },
        { ["--partition-size", "0"], "--partition-size must be at least 1" },
        { ["--parallel", "0"], "--parallel must be at least 1" },
        { ["--codec", "lz4"], "--codec must be one of zstd, snappy, gzip, brotli, none" },
        { ["--network", "PubNet"], "--network must be lower case" },
        { ["--era", "../x"], "--era" },
        { ["--prefix", "/abs"], "--prefix must not start with '/'" },
        { ["--prefix", PrefixOf666], "--prefix must be at most 665 characters, so that the longest key the layout builds under it" },
        { ["--table", "other"], "--table must be ledgers_lcm_raw, the only table the copier writes (got \"other\")" },
        { ["--source", "galexie"], "is not a galexie lake: it has no .config.json" },
        { ["--source", "ftp://lake"], "--source must be a local path or a file://, s3:// or gs:// URL" },
        { ["--end", "latest"], "can be latest only when copying from a galexie lake" },
        { ["--network-passphrase", "P"], "applies only to a galexie lake source" },
        { ["--reads-in-flight", "0"], "--reads-in-flight must be at least 1" },
        { ["--xdr-mean-bytes", "10"], "--xdr-mean-bytes must be between" },
        { ["--bogus"], "--bogus" },
        { ["--shard", "4/4"], "--shard must have an index I from 0 to N-1 = 3" },
        { ["--shard", "1/0"], "--shard must have a shard count N from 1" },
        { ["--shard", "two/4"], "--shard must be I/N" },
        { ["--shard", "auto"], "--shard auto found no batch engine's task variables" },
        { ["--end", "9223372036854775807", "--partition-size", "4611686018427387904"], "--end must be at most 4294967295" },
        { ["--dest", "s3://bucket/p?endpoint=ftp://user:secret@127.0.0.1:1"], "ftp://***@127.0.0.1:1" },
    };

    public static TheoryData<string, string, string> BadVariables() => new()
    {
        { "LEDGER_START", "x1", "LEDGER_START must be a whole number" },
        { "LEDGER_END", "15", "LEDGER_END must be one less than a multiple" },
        { "PARTITION_SIZE", "-3", "PARTITION_SIZE must be at least 1" },
        { "NETWORK", "Pub Net", "NETWORK must be lower case" },
        { "ERA_ID", ".hidden", "ERA_ID must not start with '.'" },
        { "VERSION_LABEL", "v/1", "VERSION_LABEL must not contain path separators" },
        { "STORAGE_PREFIX", "a//b", "STORAGE_PREFIX must not contain an empty segment" },
        { "STORAGE_PREFIX", string.Join('/', Enumerable.Repeat(new string('p', 250), 4)), "STORAGE_PREFIX must be at most 665 characters" },
        { "STORAGE_BACKEND", "ftp", "STORAGE_BACKEND must be one of local, s3, gcs" },
        { "LEDGER_SOURCE", "ftp://lake", "LEDGER_SOURCE must be a local path or a file://, s3:// or gs:// URL" },
        { "NETWORK_PASSPHRASE", "P", "NETWORK_PASSPHRASE applies only to a galexie lake source" },
        { "LOCAL_DIR", "", "LOCAL_DIR is set but empty" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public async Task Copy_BadFlag_Exits2NamingItAndCreatesNothing(string[] flags, string message)
    {
        using var folder = new CliTestFolder();

        var arguments = new Dictionary<string, string?> { ["--dest"] = "out", ["--end"] = "29", ["--partition-size"] = "10", ["--xdr-mean-bytes"] = "1024" };
        for (int i = 0; i < flags.Length; i++) arguments[flags[i]] = i + 1 < flags.Length && !flags[i + 1].StartsWith("--", StringComparison.Ordinal) ? flags[++i] : null;

        using BronzeProcess copy = await BronzeProcess.RunAsync(
            folder.Path, ["copy", .. arguments.SelectMany(a => a.Value is null ? new[] { a.Key } : [a.Key, a.Value])]);

        Assert.True(copy.ExitCode == 2, copy.ToString());
        Assert.Contains(message, copy.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", copy.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [MemberData(nameof(BadVariables))]
    public async Task Copy_BadVariable_Exits2NamingItAndCreatesNothing(string variable, string value, string message)
    {
        using var folder = new CliTestFolder();
        var environment = new Dictionary<string, string> { ["LOCAL_DIR"] = "out", ["LEDGER_END"] = "29", ["PARTITION_SIZE"] = "10" };
        environment[variable] = value;

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, environment, "copy", "--xdr-mean-bytes", "1024");

        Assert.True(copy.ExitCode == 2, copy.ToString());
        Assert.Contains(message, copy.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Copy_VariablesOnly_CopiesWhereTheySay()
    {
        using var folder = new CliTestFolder();
        var environment = new Dictionary<string, string>
        {
            ["STORAGE_BACKEND"] = "local", ["LOCAL_DIR"] = "lake", ["STORAGE_PREFIX"] = "raw", ["NETWORK"] = "testnet", ["ERA_ID"] = "p23",
            ["VERSION_LABEL"] = "v2", ["LEDGER_START"] = "20", ["LEDGER_END"] = "39", ["PARTITION_SIZE"] = "10",
        };

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, environment, "copy", "--xdr-mean-bytes", "512");

        Assert.True(copy.ExitCode == 0, copy.ToString());
        Assert.True(File.Exists(Path.Join(folder.Path, "lake/raw/testnet/p23/v2/ledgers_lcm_raw/range=30-39/_manifest.json")));
        Assert.False(Directory.Exists(Path.Join(folder.Path, "lake/raw/testnet/p23/v2/ledgers_lcm_raw/range=0-9")));
    }

    [Fact]
    public async Task Copy_FlagAndVariable_FlagWins()
    {
        using var folder = new CliTestFolder();
        var environment = new Dictionary<string, string> { ["NETWORK"] = "Not Valid" };

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, environment, CliTestFolder.Copy(9, more: ["--network", "futurenet"]));

        Assert.True(copy.ExitCode == 0, copy.ToString());
        Assert.True(Directory.Exists(Path.Join(folder.Out, "futurenet")));
    }

    [Theory]
    [InlineData("s3://bucket?bogus=1")]
    [InlineData("s3://Bad_Bucket")]
    [InlineData("gs://")]
    [InlineData("ftp://host/x")]
    [InlineData("file://host/x")]
    public async Task Copy_InvalidDestination_Exits2(string dest)
    {
        using var folder = new CliTestFolder();

        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, "copy", "--dest", dest, "--end", "9", "--partition-size", "10");

        Assert.True(copy.ExitCode == 2, copy.ToString());
        Assert.Contains("--dest", copy.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheExitCodes()
    {
        using var folder = new CliTestFolder();

        using BronzeProcess help = await BronzeProcess.RunAsync(folder.Path, "copy", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Exit codes: 0 ok; 1 runtime failure", help.Output, StringComparison.Ordinal);
        Assert.Contains("LEDGER_START", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_Exits2()
    {
        using var folder = new CliTestFolder();

        using BronzeProcess bare = await BronzeProcess.RunAsync(folder.Path);

        Assert.True(bare.ExitCode == 2, bare.ToString());
    }
}
