using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bronze.Parquet.Schema;
using Bronze.Testing;

namespace Bronze.Parquet.Tests.Support;

/// <summary>
/// Checks through DuckDB that a file holds exactly the rows written: per column, DuckDB renders each value in a
/// canonical text (decimal integers, epoch units for timestamps, upper-case hex for bytes and text, JSON numbers for
/// doubles) and the test renders the expected values the same way.
/// </summary>
internal static class DuckDbAssert
{
    /// <summary>Compares every row and value (for files of up to some tens of thousands of small rows).</summary>
    public static async Task RowsEqualAsync(string path, ParquetSchema schema, IReadOnlyList<object?[]> rows)
    {
        string select = string.Join(", ", schema.Columns.Select((c, i) => $"{SqlValue(c)} AS v{i}"));
        IReadOnlyList<JsonObject> actual = await DuckDb.QueryAsync(
            $"SELECT {select} FROM read_parquet({DuckDb.Literal(path)}, file_row_number = true) ORDER BY file_row_number",
            TestContext.Current.CancellationToken);
        Assert.Equal(rows.Count, actual.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < schema.Columns.Count; c++)
            {
                JsonNode? got = actual[r][$"v{c}"];
                object? expected = rows[r][c];
                string where = $"row {r}, column '{schema.Columns[c].Name}'";
                if (expected is null)
                {
                    Assert.True(got is null, $"{where}: expected null, DuckDB read {got?.ToJsonString()}");
                }
                else if (schema.Columns[c].PhysicalType == ParquetPhysicalType.Double)
                {
                    double value = (double)expected;
                    if (double.IsFinite(value)) Assert.True(got is JsonValue v && v.GetValue<double>() == value, $"{where}: expected {value:R}, DuckDB read {got?.ToJsonString()}");
                    else Assert.Equal(value.ToString(CultureInfo.InvariantCulture).Replace("∞", "Infinity", StringComparison.Ordinal), got?.GetValue<string>());
                }
                else
                {
                    Assert.True(got is not null, $"{where}: expected a value, DuckDB read null");
                    Assert.Equal(Canonical(schema.Columns[c], expected), got!.GetValue<string>());
                }
            }
        }
    }

    /// <summary>Compares per-column counts and an MD5 of all values in row order (for large files).</summary>
    public static async Task DigestsEqualAsync(string path, ParquetSchema schema, IEnumerable<object?[]> rows)
    {
        var texts = schema.Columns.Select(_ => new StringBuilder()).ToArray();
        long[] counts = new long[schema.Columns.Count];
        long rowCount = 0;
        foreach (object?[] row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                if (rowCount > 0) texts[c].Append('|');
                if (row[c] is null) texts[c].Append('N');
                else
                {
                    texts[c].Append(DigestText(schema.Columns[c], row[c]!));
                    counts[c]++;
                }
            }

            rowCount++;
        }

        string select = string.Join(", ", schema.Columns.Select((c, i) =>
            $"count({Quote(c.Name)}) AS n{i}, md5(string_agg(coalesce({DigestSql(c)}, 'N'), '|' ORDER BY file_row_number)) AS h{i}"));
        IReadOnlyList<JsonObject> actual = await DuckDb.QueryAsync(
            $"SELECT count(*) AS rows, {select} FROM read_parquet({DuckDb.Literal(path)}, file_row_number = true)",
            TestContext.Current.CancellationToken);
        Assert.Equal(rowCount.ToString(CultureInfo.InvariantCulture), actual[0]["rows"]!.GetValue<string>());
        for (int c = 0; c < schema.Columns.Count; c++)
        {
            Assert.Equal(counts[c].ToString(CultureInfo.InvariantCulture), actual[0][$"n{c}"]!.GetValue<string>());
            string expectedHash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(texts[c].ToString())));
            Assert.True(expectedHash == actual[0][$"h{c}"]!.GetValue<string>(), $"column '{schema.Columns[c].Name}': values differ");
        }
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string SqlValue(ParquetColumn column) =>
        column.PhysicalType == ParquetPhysicalType.Double ? Quote(column.Name) : CanonicalSql(column);

    private static string DigestSql(ParquetColumn column) =>
        column.PhysicalType == ParquetPhysicalType.Double ? $"CAST({Quote(column.Name)} AS VARCHAR)" : CanonicalSql(column);

    private static string DigestText(ParquetColumn column, object value) =>
        column.PhysicalType == ParquetPhysicalType.Double ? throw new NotSupportedException("Digest doubles by sum, not text.") : Canonical(column, value);

    private static string CanonicalSql(ParquetColumn column)
    {
        string name = Quote(column.Name);
        return column switch
        {
            { PhysicalType: ParquetPhysicalType.ByteArray or ParquetPhysicalType.FixedLenByteArray } => $"hex({name})",
            { LogicalType.Kind: ParquetLogicalKind.Timestamp, LogicalType.Unit: ParquetTimeUnit.Millis } => $"CAST(epoch_ms({name}) AS VARCHAR)",
            { LogicalType.Kind: ParquetLogicalKind.Timestamp } => $"CAST(epoch_us({name}) AS VARCHAR)",
            _ => $"CAST({name} AS VARCHAR)",
        };
    }

    private static string Canonical(ParquetColumn column, object value) => value switch
    {
        int i when column.LogicalType is { Kind: ParquetLogicalKind.Integer, IsSigned: false } => ((uint)i).ToString(CultureInfo.InvariantCulture),
        long l when column.LogicalType is { Kind: ParquetLogicalKind.Integer, IsSigned: false } => ((ulong)l).ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        byte[] bytes => Convert.ToHexString(bytes),
        string text => Convert.ToHexString(Encoding.UTF8.GetBytes(text)),
        DateTimeOffset t when column.LogicalType!.Unit == ParquetTimeUnit.Millis => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No canonical text for {value.GetType().Name}."),
    };
}
