using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bronze.Parquet;
using Bronze.Parquet.Schema;
using Bronze.Sources;
using Bronze.Tables;
using Bronze.Testing;
using Bronze.Tests.Copier;
using Bronze.Tests.Manifests;

namespace Bronze.Tests.Tables;

public sealed class LedgerTableTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Schema_PublishedSchemaFile_SameTableAndColumns()
    {
        // The file users read and the definition the copier writes must say the same thing: a column added, renamed,
        // retyped or re-tuned on one side only fails here, listing both.
        byte[] json = File.ReadAllBytes(ManifestSchema.RepositoryFile("schemas/ledgers_lcm_raw.v1.json"));

        ParquetTableDefinition published = ParquetTableDefinition.Parse(json);

        Assert.Equal((LedgerTable.Name, LedgerTable.Version), (published.Name, published.Version));
        Assert.Equal(published.Schema.Columns, LedgerTable.Schema.Columns);
    }

    [Fact]
    public void Columns_RowColumns_OnePerLedgerRowProperty()
    {
        // A LedgerRow property without its column (or a column named apart from its property) is a value the table
        // silently drops or takes from elsewhere.
        IEnumerable<string> properties = typeof(LedgerRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract").Select(p => SnakeCase(p.Name));

        Assert.Equal(
            properties.Order(StringComparer.Ordinal),
            LedgerTable.Columns.Where(c => !c.FromPartition).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["bronze_version", "era_id", "network"], LedgerTable.Columns.Where(c => c.FromPartition).Select(c => c.Name));
    }

    [Fact]
    public async Task Write_CopiedRowsReadByDuckDb_EachColumnHoldsItsRowValue()
    {
        // An independent reader, column by column against the row's property of the same name: catches an accessor
        // that reads the wrong property even where the types agree (ledger_hash from PreviousLedgerHash...).
        using var fixture = new CopierFixture();
        await fixture.Copier(CopierFixture.Options(0, 9) with { Codec = ParquetCodec.Uncompressed }).RunAsync(Token);
        List<LedgerRow> expected = [];
        await foreach (LedgerRow row in fixture.Source.ReadAsync(CopierFixture.Ledgers, 0, 9, Token)) expected.Add(row);
        string file = DuckDb.Literal(fixture.PathOf(CopierFixture.Ledgers.Partition(0, 9).DataKey("lake")));

        IReadOnlyList<JsonObject> rows = await DuckDb.QueryAsync(
            $"select * replace (epoch_ms(close_time) as close_time, sha256(xdr_bytes) as xdr_bytes) from read_parquet({file}, hive_partitioning = false) order by ledger_sequence",
            Token);

        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(LedgerTable.Columns.Select(c => c.Name), rows[0].Select(cell => cell.Key));
        PropertyInfo[] properties = typeof(LedgerRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (PropertyInfo property in properties.Where(p => p.Name != "EqualityContract"))
            {
                string column = SnakeCase(property.Name);
                Assert.True(Text(property.GetValue(expected[i])) == rows[i][column]?.ToString(), $"row {i}, {column}: {rows[i][column]}");
            }

            Assert.Equal(
                (LedgerTable.BronzeVersion, "pre_p23", "pubnet"),
                (rows[i]["bronze_version"]!.ToString(), rows[i]["era_id"]!.ToString(), rows[i]["network"]!.ToString()));
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ReadOnlyMemory<byte> bytes => Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
