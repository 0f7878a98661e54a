using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Writing;

public sealed class ValidationTests
{
    private static readonly ParquetSchema Schema = new([
        new ParquetColumn("id", ParquetPhysicalType.Int64),
        new ParquetColumn("small", ParquetPhysicalType.Int32, IsNullable: true, LogicalType: ParquetLogicalType.Integer(8, isSigned: true)),
        new ParquetColumn("code", ParquetPhysicalType.FixedLenByteArray, TypeLength: 4),
        new ParquetColumn("at", ParquetPhysicalType.Int64, IsNullable: true, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Millis)),
        new ParquetColumn("text", ParquetPhysicalType.ByteArray, IsNullable: true, LogicalType: ParquetLogicalType.String),
    ]);

    public static TheoryData<object?[], string> BadRows => new()
    {
        { [1L, 1, "abcd"], "A row has 3 values; the schema has 5 columns" },
        { [null, 1, "abcd", null, null], "Column 'id' is required (not nullable), so it cannot take a null" },
        { ["1", 1, "abcd", null, null], "Column 'id' is Int64; a byte or text value does not fit" },
        { [1, 1, "abcd", null, null], "Column 'id' is Int64; a Int32 value does not fit" },
        { [1L, 200, "abcd", null, null], "Column 'small' holds int8 values (-128 to 127); 200 does not fit" },
        { [1L, 1, "abcde", null, null], "Column 'code' holds values of exactly 4 bytes; this one has 5" },
        { [1L, 1, new byte[] { 1, 2, 3 }, null, null], "Column 'code' holds values of exactly 4 bytes; this one has 3" },
        { [1L, 1, "abcd", DateTimeOffset.UnixEpoch.AddTicks(1), null], "Column 'at' holds Millis timestamps" },
        { [1L, 1, "abcd", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Local), null], "Column 'at' holds instants; a DateTime of kind Local is ambiguous" },
        { [1L, 1, "abcd", null, "\ud800"], "Column 'text' holds text; the value is not valid UTF-16" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task WriteRowAsync_ValueDoesNotFit_ThrowsNamingColumnAndRuleAndWritesNothing(object?[] row, string message)
    {
        // Arrange
        using var stream = new MemoryStream();
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(Schema, stream, cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var e = await Assert.ThrowsAsync<ParquetException>(async () => await writer.WriteRowAsync(row, TestContext.Current.CancellationToken));

        // Assert: the error names column and rule, and the writer still takes good rows.
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        await writer.WriteRowAsync([1L, null, "abcd", null, "ok"], TestContext.Current.CancellationToken);
        var info = await writer.CompleteAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, info.RowCount);
    }

    [Fact]
    public async Task EndBatchAsync_ColumnsWithDifferentCounts_ThrowsNamingColumn()
    {
        // Arrange
        using var stream = new MemoryStream();
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(Schema, stream, cancellationToken: TestContext.Current.CancellationToken);
        writer.Columns[0].WriteInt64s([1, 2]);
        writer.Columns[1].WriteNull();
        writer.Columns[1].WriteNull();
        writer.Columns[2].WriteString("abcd");
        writer.Columns[3].WriteNull();
        writer.Columns[3].WriteNull();
        writer.Columns[4].WriteNull();
        writer.Columns[4].WriteNull();

        // Act
        var e = await Assert.ThrowsAsync<ParquetException>(async () => await writer.EndBatchAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("Column 'code' received 1 values in this batch but column 'id' received 2", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CompleteAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteInt32_OnInt64Column_ThrowsNamingColumn()
    {
        using var stream = new MemoryStream();
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(Schema, stream, cancellationToken: TestContext.Current.CancellationToken);
        var e = Assert.Throws<ParquetException>(() => writer.Column("id").WriteInt32(1));
        Assert.Equal("Column 'id' is Int64; WriteInt32 does not fit.", e.Message);
    }

    [Theory]
    [InlineData("dup")]
    [InlineData("")]
    public void ParquetSchema_BadColumnNames_Throws(string second)
    {
        var e = Assert.Throws<ParquetException>(() => new ParquetSchema([
            new ParquetColumn("dup", ParquetPhysicalType.Int64), new ParquetColumn(second, ParquetPhysicalType.Int64)]));
        Assert.Contains(second.Length == 0 ? "non-empty name" : "Column 'dup' appears twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParquetSchema_LogicalTypeOnWrongPhysicalType_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ParquetException>(() => new ParquetSchema([
            new ParquetColumn("at", ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Timestamp(ParquetTimeUnit.Millis))]));
        Assert.Equal("Column 'at': logical type Timestamp needs physical type Int64, not Int32.", e.Message);
    }

    [Fact]
    public void ParquetSchema_ColumnPageSizeBelowMinimum_ThrowsNamingColumnAndRule()
    {
        var e = Assert.Throws<ParquetException>(() => new ParquetSchema([new ParquetColumn("xdr", ParquetPhysicalType.ByteArray, PageSize: 1023)]));
        Assert.Equal("Column 'xdr': page size 1023 is below the minimum of 1024 bytes.", e.Message);
    }
}
