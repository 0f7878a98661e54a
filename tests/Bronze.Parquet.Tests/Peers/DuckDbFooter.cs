using System.Globalization;
using System.Text.Json.Nodes;
using Bronze.Parquet.Footer;
using Bronze.Testing;

namespace Bronze.Parquet.Tests.Peers;

/// <summary>
/// Compares what Bronze's footer reader says about a file with what DuckDB's <c>parquet_file_metadata()</c>,
/// <c>parquet_schema()</c>, <c>parquet_metadata()</c> and <c>parquet_kv_metadata()</c> say about the same file.
/// </summary>
internal static class DuckDbFooter
{
    // DuckDB prints LogicalType as Thrift does ("DecimalType(scale=2, precision=10)"): the struct's name tells the member.
    private static readonly Dictionary<ParquetAnnotationKind, string> ThriftNames = new()
    {
        [ParquetAnnotationKind.String] = "StringType", [ParquetAnnotationKind.Map] = "MapType", [ParquetAnnotationKind.List] = "ListType",
        [ParquetAnnotationKind.Enum] = "EnumType", [ParquetAnnotationKind.Decimal] = "DecimalType", [ParquetAnnotationKind.Date] = "DateType",
        [ParquetAnnotationKind.Time] = "TimeType", [ParquetAnnotationKind.Timestamp] = "TimestampType", [ParquetAnnotationKind.Integer] = "IntType",
        [ParquetAnnotationKind.Null] = "NullType", [ParquetAnnotationKind.Json] = "JsonType", [ParquetAnnotationKind.Bson] = "BsonType",
        [ParquetAnnotationKind.Uuid] = "UUIDType", [ParquetAnnotationKind.Float16] = "Float16Type",
    };

    public static async Task AssertMatchesAsync(string path, ParquetFileMetadata m, CancellationToken cancellationToken)
    {
        string p = DuckDb.Literal(path);
        var results = await DuckDb.QueryAllAsync(
            [
                $"SELECT * FROM parquet_file_metadata({p})",
                $"SELECT * FROM parquet_schema({p})",
                $"SELECT * FROM parquet_metadata({p}) ORDER BY row_group_id, column_id",
                $"SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata({p})",
            ],
            cancellationToken);

        JsonObject file = results[0].Single();
        Assert.Equal(S(file, "created_by"), m.CreatedBy);
        Assert.Equal(S(file, "num_rows"), Text(m.RowCount));
        Assert.Equal(S(file, "num_row_groups"), Text(m.RowGroups.Count));
        Assert.Equal(S(file, "format_version"), Text(m.Version));

        List<ParquetSchemaNode> nodes = [];
        Flatten(m.Schema, nodes);
        Assert.Equal(results[1].Count, nodes.Count);
        for (int i = 0; i < nodes.Count; i++) AssertNode(results[1][i], nodes[i], isRoot: i == 0);

        IReadOnlyList<JsonObject> chunks = results[2];
        Assert.Equal(m.RowGroups.Sum(g => g.Columns.Count), chunks.Count);
        foreach (JsonObject row in chunks)
        {
            ParquetRowGroupInfo group = m.RowGroups[int.Parse(S(row, "row_group_id")!, CultureInfo.InvariantCulture)];
            int c = int.Parse(S(row, "column_id")!, CultureInfo.InvariantCulture);
            AssertChunk(row, group, group.Columns[c], m.Leaves[c]);
        }

        Assert.Equal(
            results[3].Select(r => (S(r, "key"), S(r, "value"))),
            m.KeyValueMetadata.Select(pair => ((string?)pair.Key, pair.Value)));
    }

    private static void AssertNode(JsonObject row, ParquetSchemaNode node, bool isRoot)
    {
        string where = $"schema element '{node.Name}'";
        Assert.True(S(row, "name") == node.Name, where);
        Assert.True(S(row, "type") == (node.PhysicalType is { } t ? ParquetNames.Of(t) : null), where + " type");
        Assert.True(S(row, "type_length") == Text(node.TypeLength), where + " type_length");
        if (!isRoot) Assert.True(S(row, "repetition_type") == ParquetNames.Of(node.Repetition!.Value), where + " repetition");
        Assert.True((S(row, "num_children") ?? "0") == Text(node.Children.Count), where + " num_children");
        Assert.True(S(row, "converted_type") == (node.ConvertedType is { } ct ? ParquetNames.Of(ct) : null), where + " converted_type");
        Assert.True(S(row, "scale") == Text(node.Scale), where + " scale");
        Assert.True(S(row, "precision") == Text(node.Precision), where + " precision");
        Assert.True(S(row, "field_id") == Text(node.FieldId), where + " field_id");
        string? logical = S(row, "logical_type");
        Assert.True(logical?[..logical.IndexOf('(', StringComparison.Ordinal)] == (node.LogicalType is { } l ? ThriftNames[l.Kind] : null), where + " logical_type " + logical);
    }

    private static void AssertChunk(JsonObject row, ParquetRowGroupInfo group, ParquetColumnChunkInfo chunk, ParquetLeafColumn leaf)
    {
        string where = $"chunk {leaf.DottedPath}";
        Assert.True(S(row, "row_group_num_rows") == Text(group.RowCount), where);
        Assert.True(S(row, "row_group_bytes") == Text(group.TotalByteSize), where + " row_group_bytes");
        Assert.True(S(row, "path_in_schema") == string.Join(", ", chunk.Path), where + " path");
        Assert.Equal(leaf.Path, chunk.Path);
        Assert.True(S(row, "type") == ParquetNames.Of(chunk.PhysicalType), where + " type");
        Assert.True(S(row, "num_values") == Text(chunk.ValueCount), where + " num_values");
        Assert.True(S(row, "compression") == ParquetNames.Of(chunk.Codec), where + " compression " + S(row, "compression"));
        Assert.True(S(row, "encodings") == string.Join(", ", chunk.Encodings.Select(ParquetNames.Of)), where + " encodings " + S(row, "encodings"));
        Assert.True(S(row, "total_compressed_size") == Text(chunk.TotalCompressedSize), where + " compressed");
        Assert.True(S(row, "total_uncompressed_size") == Text(chunk.TotalUncompressedSize), where + " uncompressed");
        Assert.True(S(row, "data_page_offset") == Text(chunk.DataPageOffset), where + " data_page_offset");
        Assert.True(S(row, "dictionary_page_offset") == Text(chunk.DictionaryPageOffset), where + " dictionary_page_offset");
        Assert.True(S(row, "index_page_offset") == Text(chunk.IndexPageOffset), where + " index_page_offset");
        Assert.True(S(row, "bloom_filter_offset") == Text(chunk.BloomFilterOffset), where + " bloom_filter_offset");
        Assert.True(S(row, "bloom_filter_length") == Text(chunk.BloomFilterLength), where + " bloom_filter_length");
        ParquetStatistics? s = chunk.Statistics;
        Assert.True(S(row, "stats_null_count") == Text(s?.NullCount), where + " null_count");
        Assert.True(S(row, "stats_distinct_count") == Text(s?.DistinctCount), where + " distinct_count");
        AssertValue(S(row, "stats_min_value"), leaf, s?.MinValue, where + " min");
        AssertValue(S(row, "stats_max_value"), leaf, s?.MaxValue, where + " max");
    }

    private static void AssertValue(string? duck, ParquetLeafColumn leaf, byte[]? value, string where)
    {
        string? mine = value is null ? null : ParquetValueText.Format(leaf, value);
        if (duck is null || mine is null)
        {
            Assert.True(duck == mine, $"{where}: DuckDB {duck ?? "null"}, Bronze {mine ?? "null"}");
            return;
        }

        // Bytes without a text type: DuckDB escapes them its own way; both sides must have a value.
        if (mine.StartsWith("0x", StringComparison.Ordinal)) return;
        if (double.TryParse(duck, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            && double.TryParse(mine, NumberStyles.Float, CultureInfo.InvariantCulture, out double b))
        {
            Assert.True(d == b || Math.Abs(d - b) <= Math.Abs(d) * 1e-6, $"{where}: DuckDB {duck}, Bronze {mine}");
            return;
        }

        Assert.True(Normalize(duck) == Normalize(mine), $"{where}: DuckDB {duck}, Bronze {mine}");
    }

    // Timestamps: DuckDB writes "2024-01-01 00:00:00+00", Bronze "2024-01-01T00:00:00.000000Z".
    private static string Normalize(string value)
    {
        string text = value.Replace('T', ' ').Replace("+00", "", StringComparison.Ordinal).TrimEnd('Z');
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static void Flatten(ParquetSchemaNode node, List<ParquetSchemaNode> into)
    {
        into.Add(node);
        foreach (ParquetSchemaNode child in node.Children) Flatten(child, into);
    }

    private static string? S(JsonObject row, string name) => row[name] is { } value ? value.ToString() : null;

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
