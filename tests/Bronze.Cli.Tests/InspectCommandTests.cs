using System.Text.Json.Nodes;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>`bronze inspect` on local files: Bronze's own, another writer's with a nested schema, and files that are not readable Parquet.</summary>
public sealed class InspectCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inspect_DuckDbNestedFileJson_SaysWhatDuckDbSays()
    {
        // Arrange
        using var folder = new CliTestFolder();
        string path = Path.Join(folder.Path, "nested.parquet");
        await DuckDb.QueryAsync(
            $"COPY (SELECT i AS id, [i, i + 1] AS list, {{'x': i, 'y': 'v' || i}} AS st, MAP {{'k': i}} AS m, DATE '2024-01-01' + i::INTEGER AS day "
            + $"FROM range(3000) t(i)) TO {DuckDb.Literal(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)", Ct);
        var duck = await DuckDb.QueryAllAsync(
            [$"SELECT * FROM parquet_schema({DuckDb.Literal(path)})", $"SELECT * FROM parquet_metadata({DuckDb.Literal(path)}) ORDER BY row_group_id, column_id"], Ct);

        // Act
        using BronzeProcess inspect = await BronzeProcess.RunAsync(folder.Path, "inspect", "nested.parquet", "--json");

        // Assert: one JSON object that agrees with DuckDB.
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        JsonObject json = inspect.JsonLines.Single();
        Assert.Equal(3000, json["num_rows"]!.GetValue<long>());
        Assert.StartsWith("DuckDB", json["created_by"]!.GetValue<string>(), StringComparison.Ordinal);
        JsonArray schema = json["schema"]!.AsArray();
        Assert.Equal(duck[0].Select(r => r["name"]!.ToString()), schema.Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal(duck[0].Select(r => r["type"]?.ToString()), schema.Select(n => n!["physical_type"]?.GetValue<string>()));
        JsonArray groups = json["row_groups"]!.AsArray();
        JsonObject[] chunks = [.. groups.SelectMany(g => g!["columns"]!.AsArray()).Select(c => c!.AsObject())];
        Assert.Equal(duck[1].Count, chunks.Length);
        for (int i = 0; i < chunks.Length; i++)
        {
            Assert.Equal(duck[1][i]["path_in_schema"]!.ToString().Replace(", ", ".", StringComparison.Ordinal), chunks[i]["path"]!.GetValue<string>());
            Assert.Equal(duck[1][i]["compression"]!.ToString(), chunks[i]["codec"]!.GetValue<string>());
            Assert.Equal(duck[1][i]["stats_min_value"]?.ToString(), chunks[i]["statistics"]?["min"]?.GetValue<string>());
        }

        Assert.Equal("2024-01-01", chunks.First(c => c["path"]!.GetValue<string>() == "day")["statistics"]!["min"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inspect_BronzeDataFile_ShowsSchemaRowGroupsAndStatistics()
    {
        // Arrange
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(end: 19, size: 10));
        Assert.True(copy.ExitCode == 0, copy.ToString());

        // Act
        using BronzeProcess inspect = await BronzeProcess.RunAsync(folder.Path, "inspect", "file://" + folder.DataFile(10, 19));

        // Assert
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("rows 10, row groups 1, created by bronze", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("  ledger_sequence: REQUIRED INT64", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("  close_time: REQUIRED INT64 TIMESTAMP(MILLIS, UTC)", inspect.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  ledger_sequence ZSTD \S+ 10 values .* min 10 max 19 nulls 0", inspect.Output);
    }

    public static TheoryData<byte[], string> Unreadable() => new()
    {
        { "{\"json\": true}"u8.ToArray(), "Not a Parquet file" },
        { [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, 9], "Truncated or unfinished" },
        { [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, 5, 0, 0, 0, .. "PARE"u8], "Encrypted Parquet file" },
        { [.. "PAR1"u8, 0xFF, 0xFF, 0xFF, 0xFF, 5, 0, 0, 0, .. "PAR1"u8], "Corrupt Parquet footer" },
        { [.. "PAR1"u8, 1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0x7F, .. "PAR1"u8], "Corrupt Parquet footer" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Inspect_NotReadableParquet_Exits3WithTheReason(byte[] content, string reason)
    {
        using var folder = new CliTestFolder();
        await File.WriteAllBytesAsync(Path.Join(folder.Path, "bad.parquet"), content, Ct);

        using BronzeProcess inspect = await BronzeProcess.RunAsync(folder.Path, "inspect", "bad.parquet", "--json");

        Assert.True(inspect.ExitCode == 3, inspect.ToString());
        Assert.Contains(reason, inspect.Error, StringComparison.Ordinal);
        JsonObject error = inspect.JsonLines.Single();
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal(3, error["exit_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Inspect_MissingFile_Exits1()
    {
        using var folder = new CliTestFolder();

        using BronzeProcess inspect = await BronzeProcess.RunAsync(folder.Path, "inspect", "absent.parquet");

        Assert.True(inspect.ExitCode == 1, inspect.ToString());
        Assert.Contains("absent.parquet' does not exist", inspect.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "Required argument 'FILE' missing")]
    [InlineData(new[] { "ftp://host/file.parquet" }, "FILE must be a local path or a file://, s3:// or gs:// URL")]
    [InlineData(new[] { "s3://bucket" }, "FILE must name an object")]
    [InlineData(new[] { "gs://bucket/folder/" }, "FILE must name an object")]
    [InlineData(new[] { "s3://bucket/a b.parquet" }, "FILE")]
    [InlineData(new[] { "a.parquet", "b.parquet" }, "Unrecognized command or argument 'b.parquet'")]
    [InlineData(new[] { "." }, "FILE must name a regular file; '")]
    public async Task Inspect_BadArguments_Exits2(string[] args, string message)
    {
        using var folder = new CliTestFolder();

        using BronzeProcess inspect = await BronzeProcess.RunAsync(folder.Path, ["inspect", .. args]);

        Assert.True(inspect.ExitCode == 2, inspect.ToString());
        Assert.Contains(message, inspect.Error, StringComparison.Ordinal);
    }
}
