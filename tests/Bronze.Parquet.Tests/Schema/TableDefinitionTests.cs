using System.Text;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;

namespace Bronze.Parquet.Tests.Schema;

public sealed class TableDefinitionTests
{
    [Fact]
    public async Task LoadAsync_Stream_ReadsNameVersionAndColumns()
    {
        // Arrange (the table ledgers_lcm_raw is checked against its file where it is defined, in Bronze.Tests)
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""
            {"table": "ledgers", "version": 3, "columns": [
              {"name": "seq", "type": "int64"}, {"name": "hash", "type": "string", "dictionary": true},
              {"name": "blob", "type": "binary", "statistics": false, "page_size": 8388608, "description": "ignored"}]}
            """));

        // Act
        ParquetTableDefinition table = await ParquetTableDefinition.LoadAsync(stream, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(("ledgers", 3), (table.Name, table.Version));
        Assert.Equal(
            [
                new("seq", ParquetPhysicalType.Int64),
                new("hash", ParquetPhysicalType.ByteArray, LogicalType: ParquetLogicalType.String, Dictionary: true),
                new("blob", ParquetPhysicalType.ByteArray, Statistics: false, PageSize: 8 << 20),
            ],
            table.Schema.Columns);
    }

    [Fact]
    public void Parse_EveryType_MapsToPhysicalAndLogicalTypes()
    {
        string json = """
            {"table": "t", "version": 2, "columns": [
              {"name": "a", "type": "int8"}, {"name": "b", "type": "uint16", "nullable": true}, {"name": "c", "type": "uint32"},
              {"name": "d", "type": "uint64"}, {"name": "e", "type": "boolean"}, {"name": "f", "type": "double"},
              {"name": "g", "type": "fixed", "length": 32}, {"name": "h", "type": "timestamp", "unit": "micros", "utc": false},
              {"name": "i", "type": "binary", "page_size": 4096}]}
            """;
        ParquetTableDefinition table = ParquetTableDefinition.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal(
            [
                new("a", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(8, true)),
                new("b", ParquetPhysicalType.Int32, IsNullable: true, LogicalType: ParquetLogicalType.Integer(16, false)),
                new("c", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(32, false)),
                new("d", ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Integer(64, false)),
                new("e", ParquetPhysicalType.Boolean),
                new("f", ParquetPhysicalType.Double),
                new("g", ParquetPhysicalType.FixedLenByteArray, TypeLength: 32),
                new("h", ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Micros, isAdjustedToUtc: false)),
                new("i", ParquetPhysicalType.ByteArray, PageSize: 4096),
            ],
            table.Schema.Columns);
    }

    [Theory]
    [InlineData("""{"table": "t", "version": 1, "columns": [{"name": "a", "type": "int128"}]}""", "column 'a': type 'int128' is not one of")]
    [InlineData("""{"table": "t", "version": 1, "columns": [{"name": "a", "type": "fixed"}]}""", "column 'a': a fixed column needs a positive integer 'length'")]
    [InlineData("""{"table": "t", "version": 1, "columns": [{"name": "a", "type": "timestamp", "unit": "nanos"}]}""", "column 'a': 'unit' must be millis or micros")]
    [InlineData("""{"table": "t", "version": 1, "columns": [{"name": "a", "type": "int32", "nullable": "yes"}]}""", "column 'a': 'nullable' must be true or false")]
    [InlineData("""{"table": "t", "version": 1, "columns": [{"name": "a", "type": "binary", "page_size": 1000}]}""", "column 'a': 'page_size' must be an integer of at least 1024 bytes")]
    [InlineData("""{"table": "t", "version": 1, "columns": [{"name": "a", "type": "binary", "page_size": "8M"}]}""", "column 'a': 'page_size' must be an integer of at least 1024 bytes")]
    [InlineData("""{"table": "t", "version": 0, "columns": []}""", "'version' must be a positive integer")]
    [InlineData("""{"version": 1, "columns": []}""", "'table' must be a non-empty string")]
    [InlineData("""{"table": "t", "version": 1, "columns": [{"type": "int32"}]}""", "column 0: 'name' must be a non-empty string")]
    [InlineData("""{"table": "t", "version": 1, "columns": [""", "not valid JSON")]
    public void Parse_BadDefinition_ThrowsNamingFieldAndRule(string json, string message)
    {
        var e = Assert.Throws<ParquetException>(() => ParquetTableDefinition.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
