using System.Text;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Support;

namespace Bronze.Parquet.Tests.Schema;

public sealed class TableDefinitionTests
{
    [Fact]
    public async Task LoadAsync_LedgersLcmRawV1_MatchesDesign()
    {
        // Arrange
        await using FileStream stream = File.OpenRead(Path.Combine(SchemaFiles.Folder, "ledgers_lcm_raw.v1.json"));

        // Act
        ParquetTableDefinition table = await ParquetTableDefinition.LoadAsync(stream, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("ledgers_lcm_raw", table.Name);
        Assert.Equal(1, table.Version);
        var s = ParquetLogicalType.String;
        Assert.Equal(
            [
                new("ledger_sequence", ParquetPhysicalType.Int64),
                new("ledger_hash", ParquetPhysicalType.ByteArray, LogicalType: s),
                new("previous_ledger_hash", ParquetPhysicalType.ByteArray, LogicalType: s),
                new("close_time", ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Millis)),
                new("protocol_version", ParquetPhysicalType.Int32),
                new("total_coins", ParquetPhysicalType.Int64),
                new("fee_pool", ParquetPhysicalType.Int64),
                new("tx_set_hash", ParquetPhysicalType.ByteArray, LogicalType: s),
                new("tx_count", ParquetPhysicalType.Int32, IsNullable: true),
                new("operation_count", ParquetPhysicalType.Int32, IsNullable: true),
                new("xdr_bytes", ParquetPhysicalType.ByteArray, Statistics: false, PageSize: 8 << 20),
                new("xdr_byte_length", ParquetPhysicalType.Int32),
                new("xdr_sha256", ParquetPhysicalType.ByteArray, LogicalType: s),
                new("bronze_version", ParquetPhysicalType.ByteArray, LogicalType: s, Dictionary: true),
                new("era_id", ParquetPhysicalType.ByteArray, LogicalType: s, Dictionary: true),
                new("network", ParquetPhysicalType.ByteArray, LogicalType: s, Dictionary: true),
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
