using System.Text;
using System.Text.Json;
using Bronze.Parquet.Footer;

namespace Bronze.Cli.Output;

/// <summary>
/// <c>bronze inspect --json</c>: one JSON object with the footer's contents in snake_case, enum values by the
/// format's names, the schema as a depth-first array (root first, as DuckDB's <c>parquet_schema()</c>), absent
/// fields as null, statistics' min and max rendered for the column's type.
/// </summary>
internal static class InspectJson
{
    public static string Write(string file, ParquetFileMetadata metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteNumber("file_length", metadata.FileLength);
            json.WriteNumber("footer_length", metadata.FooterLength);
            json.WriteNumber("version", metadata.Version);
            json.WriteNumber("num_rows", metadata.RowCount);
            json.WriteString("created_by", metadata.CreatedBy);
            json.WriteStartArray("key_value_metadata");
            foreach (KeyValuePair<string, string?> pair in metadata.KeyValueMetadata)
            {
                json.WriteStartObject();
                json.WriteString("key", pair.Key);
                json.WriteString("value", pair.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("schema");
            WriteNode(json, metadata.Schema, "");
            json.WriteEndArray();
            json.WriteStartArray("row_groups");
            foreach (ParquetRowGroupInfo group in metadata.RowGroups) WriteRowGroup(json, group, metadata.Leaves);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteNode(Utf8JsonWriter json, ParquetSchemaNode node, string path)
    {
        json.WriteStartObject();
        json.WriteString("name", node.Name);
        json.WriteString("path", path.Length == 0 ? null : path);
        json.WriteString("repetition", node.Repetition is { } r ? ParquetNames.Of(r) : null);
        json.WriteString("physical_type", node.PhysicalType is { } p ? ParquetNames.Of(p) : null);
        WriteNumber(json, "type_length", node.TypeLength);
        json.WriteString("converted_type", node.ConvertedType is { } c ? ParquetNames.Of(c) : null);
        json.WriteString("logical_type", node.LogicalType?.ToString());
        WriteNumber(json, "scale", node.Scale);
        WriteNumber(json, "precision", node.Precision);
        WriteNumber(json, "field_id", node.FieldId);
        json.WriteNumber("num_children", node.Children.Count);
        json.WriteEndObject();
        foreach (ParquetSchemaNode child in node.Children) WriteNode(json, child, path.Length == 0 ? child.Name : path + "." + child.Name);
    }

    private static void WriteRowGroup(Utf8JsonWriter json, ParquetRowGroupInfo group, IReadOnlyList<ParquetLeafColumn> leaves)
    {
        json.WriteStartObject();
        json.WriteNumber("num_rows", group.RowCount);
        json.WriteNumber("total_byte_size", group.TotalByteSize);
        WriteNumber(json, "total_compressed_size", group.TotalCompressedSize);
        WriteNumber(json, "file_offset", group.FileOffset);
        WriteNumber(json, "ordinal", group.Ordinal);
        json.WriteStartArray("columns");
        for (int c = 0; c < group.Columns.Count; c++) WriteChunk(json, group.Columns[c], leaves[c]);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteChunk(Utf8JsonWriter json, ParquetColumnChunkInfo chunk, ParquetLeafColumn leaf)
    {
        json.WriteStartObject();
        json.WriteString("path", string.Join('.', chunk.Path));
        json.WriteString("physical_type", ParquetNames.Of(chunk.PhysicalType));
        json.WriteString("codec", ParquetNames.Of(chunk.Codec));
        json.WriteStartArray("encodings");
        foreach (ParquetEncoding encoding in chunk.Encodings) json.WriteStringValue(ParquetNames.Of(encoding));
        json.WriteEndArray();
        json.WriteNumber("num_values", chunk.ValueCount);
        json.WriteNumber("total_compressed_size", chunk.TotalCompressedSize);
        json.WriteNumber("total_uncompressed_size", chunk.TotalUncompressedSize);
        json.WriteNumber("data_page_offset", chunk.DataPageOffset);
        WriteNumber(json, "dictionary_page_offset", chunk.DictionaryPageOffset);
        WriteNumber(json, "index_page_offset", chunk.IndexPageOffset);
        WriteNumber(json, "offset_index_offset", chunk.OffsetIndexOffset);
        WriteNumber(json, "offset_index_length", chunk.OffsetIndexLength);
        WriteNumber(json, "column_index_offset", chunk.ColumnIndexOffset);
        WriteNumber(json, "column_index_length", chunk.ColumnIndexLength);
        WriteNumber(json, "bloom_filter_offset", chunk.BloomFilterOffset);
        WriteNumber(json, "bloom_filter_length", chunk.BloomFilterLength);
        json.WriteString("file_path", chunk.FilePath);
        if (chunk.Statistics is { } s)
        {
            json.WriteStartObject("statistics");
            WriteNumber(json, "null_count", s.NullCount);
            WriteNumber(json, "distinct_count", s.DistinctCount);
            json.WriteString("min", s.MinValue is { } min ? ParquetValueText.Format(leaf, min) : null);
            json.WriteString("max", s.MaxValue is { } max ? ParquetValueText.Format(leaf, max) : null);
            json.WriteString("legacy_min", s.LegacyMinValue is { } lmin ? ParquetValueText.Format(leaf, lmin) : null);
            json.WriteString("legacy_max", s.LegacyMaxValue is { } lmax ? ParquetValueText.Format(leaf, lmax) : null);
            WriteBool(json, "is_min_value_exact", s.IsMinValueExact);
            WriteBool(json, "is_max_value_exact", s.IsMaxValueExact);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("statistics");
        }

        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteBool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } v) json.WriteBoolean(name, v);
        else json.WriteNull(name);
    }
}
