using System.Text.Json.Nodes;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

public sealed class DuckDbReadBackTests
{
    [Fact]
    public async Task Copy_FilesReadByDuckDb_HaveTheRowsAndValues()
    {
        using var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        Assert.True(copy.ExitCode == 0, copy.ToString());
        string files = DuckDb.Literal(Path.Join(folder.Dataset, "range=*", "*.parquet"));

        IReadOnlyList<JsonObject> rows = await DuckDb.QueryAsync(
            $"""
            select count(*) as n, min(ledger_sequence) as first, max(ledger_sequence) as last,
                   count(*) filter (where xdr_sha256 = sha256(xdr_bytes)) as hashed,
                   count(*) filter (where xdr_byte_length = octet_length(xdr_bytes)) as sized,
                   count(distinct network || '/' || era_id) as datasets, min(network) as network,
                   count(*) filter (where length(ledger_hash) = 64) as hashes
            from read_parquet({files})
            """, TestContext.Current.CancellationToken);

        JsonObject row = Assert.Single(rows);
        string Value(string column) => row[column]!.ToString(); // DuckDB's BIGINTs come back as JSON strings
        Assert.Equal(("19", "1", "19"), (Value("n"), Value("first"), Value("last")));
        Assert.Equal(("19", "19", "19"), (Value("hashed"), Value("sized"), Value("hashes")));
        Assert.Equal(("1", "pubnet"), (Value("datasets"), Value("network")));
    }
}
