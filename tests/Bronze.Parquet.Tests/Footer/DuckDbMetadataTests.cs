using System.Globalization;
using System.Text.Json.Nodes;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;
using Bronze.Parquet.Writing;
using Bronze.Testing;

namespace Bronze.Parquet.Tests.Footer;

/// <summary>DuckDB's parquet_metadata, parquet_schema and parquet_file_metadata agree with what the writer wrote.</summary>
public sealed class DuckDbMetadataTests
{
    [Fact]
    public async Task DuckDbMetadata_WrittenFile_AgreesWithFooter()
    {
        // Arrange
        ParquetSchema schema = TestSchemas.AllTypes(dictionary: true);
        await using var file = new TempFile();
        var options = new ParquetWriterOptions { Codec = ParquetCodec.Zstd, RowGroupRowLimit = 400, CreatedBy = "bronze version 0.1.0 (build abc)" };
        ParquetFileInfo written = await ParquetFiles.WriteAsync(file.Path, schema, TestSchemas.AllTypesRows(1000, distinct: 30), options);
        string path = DuckDb.Literal(file.Path);

        // Act
        var results = await DuckDb.QueryAllAsync(
            [
                $"SELECT * FROM parquet_file_metadata({path})",
                $"SELECT * FROM parquet_schema({path})",
                $"SELECT * FROM parquet_metadata({path}) ORDER BY row_group_id, column_id",
            ],
            TestContext.Current.CancellationToken);

        // Assert: the file.
        JsonObject fileRow = results[0].Single();
        Assert.Equal("bronze version 0.1.0 (build abc)", fileRow["created_by"]!.GetValue<string>());
        Assert.Equal("1000", fileRow["num_rows"]!.GetValue<string>());
        Assert.Equal("3", fileRow["num_row_groups"]!.GetValue<string>());

        // Assert: the schema, as DuckDB types.
        string[] duckTypes = ["BIGINT", "INTEGER", "TINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "BOOLEAN", "DOUBLE", "VARCHAR", "BLOB", "BLOB", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE"];
        IReadOnlyList<JsonObject> schemaRows = results[1];
        Assert.Equal(schema.Columns.Count + 1, schemaRows.Count);
        for (int c = 0; c < schema.Columns.Count; c++)
        {
            JsonObject row = schemaRows[c + 1];
            Assert.Equal(schema.Columns[c].Name, row["name"]!.GetValue<string>());
            Assert.Equal(schema.Columns[c].IsNullable ? "OPTIONAL" : "REQUIRED", row["repetition_type"]!.GetValue<string>());
            Assert.Equal(duckTypes[c], row["duckdb_type"]!.GetValue<string>());
        }

        // Assert: every column chunk.
        IReadOnlyList<JsonObject> chunks = results[2];
        Assert.Equal(3 * schema.Columns.Count, chunks.Count);
        foreach (JsonObject row in chunks)
        {
            int g = int.Parse(row["row_group_id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            int c = int.Parse(row["column_id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            ParquetColumnChunkInfo chunk = written.RowGroups[g].Columns[c];
            Assert.Equal(Text(written.RowGroups[g].RowCount), row["row_group_num_rows"]!.GetValue<string>());
            Assert.Equal(Text(chunk.ValueCount), row["num_values"]!.GetValue<string>());
            Assert.Equal("ZSTD", row["compression"]!.GetValue<string>());
            Assert.Equal(Text(chunk.DataPageOffset), row["data_page_offset"]!.GetValue<string>());
            Assert.Equal(chunk.DictionaryPageOffset is { } d ? Text(d) : null, row["dictionary_page_offset"]?.GetValue<string>());
            Assert.Equal(Text(chunk.TotalCompressedSize), row["total_compressed_size"]!.GetValue<string>());
            Assert.Equal(Text(chunk.TotalUncompressedSize), row["total_uncompressed_size"]!.GetValue<string>());
            Assert.Equal(Text(chunk.Statistics!.NullCount!.Value), row["stats_null_count"]!.GetValue<string>());
            Assert.Equal(
                chunk.Encodings.Select(e => e switch { ParquetEncoding.Plain => "PLAIN", ParquetEncoding.Rle => "RLE", _ => "RLE_DICTIONARY" }).Order(),
                row["encodings"]!.GetValue<string>().Split(',', StringSplitOptions.TrimEntries).Order());
        }

        // Assert: min/max as DuckDB decodes them, for the signed 64-bit column.
        long[] ids = [.. TestSchemas.AllTypesRows(1000, distinct: 30).Take(400).Select(r => (long)r[0]!)];
        JsonObject first = chunks.First(r => r["row_group_id"]!.GetValue<string>() == "0" && r["column_id"]!.GetValue<string>() == "0");
        Assert.Equal(Text(ids.Min()), first["stats_min_value"]!.GetValue<string>());
        Assert.Equal(Text(ids.Max()), first["stats_max_value"]!.GetValue<string>());
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
