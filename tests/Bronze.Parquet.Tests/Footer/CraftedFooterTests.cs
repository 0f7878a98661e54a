using System.Buffers;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Thrift;

namespace Bronze.Parquet.Tests.Footer;

/// <summary>
/// Footers written field by field: what other writers put in (fields Bronze does not know, in every struct), and what
/// a crafted file may claim (deep nesting, counts past the bytes, more items than the reader's budget, encryption).
/// </summary>
public sealed class CraftedFooterTests
{
    private static Task<ParquetFileMetadata> ReadAsync(byte[] file) =>
        ParquetFooterReader.ReadMetadataAsync(new MemoryStream(file), TestContext.Current.CancellationToken);

    [Fact]
    public async Task ReadMetadataAsync_UnknownStringFieldsInEveryStruct_SkipsThem()
    {
        // Arrange: a string field of an id the format does not define in FileMetaData, SchemaElement, RowGroup,
        // ColumnChunk, ColumnMetaData and Statistics (what tripped the reader on every Parquet.Net and ParquetSharp file).
        byte[] file = File(w =>
        {
            w.FieldString(30, "unknown at the top");
            Schema(w, unknown: true);
            w.FieldI64(3, 7);
            w.FieldListBegin(4, CompactType.Struct, 1);
            w.BeginStruct();
            w.FieldListBegin(1, CompactType.Struct, 1);
            w.BeginStruct();
            w.FieldString(1, "other.parquet");
            w.FieldString(30, "unknown in the chunk");
            w.FieldStructBegin(3);
            w.FieldI32(1, 1);
            w.FieldListBegin(2, CompactType.I32, 1);
            w.ElementI32(0);
            w.FieldListBegin(3, CompactType.Binary, 1);
            w.ElementString("a");
            w.FieldI32(4, 6);
            w.FieldI64(5, 7);
            w.FieldI64(6, 100);
            w.FieldI64(7, 90);
            w.FieldI64(9, 4);
            w.FieldStructBegin(12);
            w.FieldBinary(1, [9, 0, 0, 0]);
            w.FieldBinary(2, [1, 0, 0, 0]);
            w.FieldString(30, "unknown in the statistics");
            w.EndStruct();
            w.FieldString(30, "unknown in the metadata");
            w.EndStruct();
            w.EndStruct();
            w.FieldI64(2, 100);
            w.FieldI64(3, 7);
            w.FieldString(30, "unknown in the row group");
            w.EndStruct();
        });

        // Act
        ParquetFileMetadata m = await ReadAsync(file);

        // Assert
        ParquetColumnChunkInfo chunk = m.RowGroups.Single().Columns.Single();
        Assert.Equal(7, m.RowCount);
        Assert.Equal(["a"], chunk.Path);
        Assert.Equal("other.parquet", chunk.FilePath);
        Assert.Equal(ParquetCodec.Zstd, chunk.Codec);
        Assert.Equal("1", ParquetValueText.Format(m.Leaves[0], chunk.Statistics!.LegacyMinValue!));
        Assert.Equal("9", ParquetValueText.Format(m.Leaves[0], chunk.Statistics.LegacyMaxValue!));
    }

    [Fact]
    public async Task ReadMetadataAsync_GroupsNestedDeeperThanTheLimit_ThrowsCorrupt()
    {
        int depth = SchemaTree.MaxDepth + 10;
        byte[] file = File(w =>
        {
            w.FieldListBegin(2, CompactType.Struct, depth + 2);
            Element(w, "schema", type: null, children: 1);
            for (int i = 0; i < depth; i++) Element(w, "g" + i, type: null, children: 1, repetition: 1);
            Element(w, "leaf", type: 1, children: null, repetition: 0);
            w.FieldI64(3, 0);
        });

        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        Assert.Contains("more than 64 levels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMetadataAsync_GroupClaimingMoreChildrenThanFollow_ThrowsCorrupt()
    {
        byte[] file = File(w =>
        {
            w.FieldListBegin(2, CompactType.Struct, 2);
            Element(w, "schema", type: null, children: 1_000_000);
            Element(w, "a", type: 1, children: null, repetition: 0);
            w.FieldI64(3, 0);
        });

        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        Assert.Contains("claims 1000000 children, but only 1 elements follow", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMetadataAsync_MoreRowGroupsThanTheItemBudget_ThrowsCorruptBeforeDecodingThem()
    {
        // Arrange: 2^21 + 1 row groups of 3 bytes each ({num_rows: 0}): about 6 MB of footer that would decode to
        // millions of objects.
        int count = CompactReader.MaxItems + 1;
        byte[] file = File(w =>
        {
            Schema(w, unknown: false);
            w.FieldI64(3, 0);
            w.FieldListBegin(4, CompactType.Struct, count);
            for (int i = 0; i < count; i++)
            {
                w.BeginStruct();
                w.FieldI64(3, 0);
                w.EndStruct();
            }
        });

        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        Assert.Contains("decoded items", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMetadataAsync_RowGroupWithFewerChunksThanColumns_ThrowsCorrupt()
    {
        byte[] file = File(w =>
        {
            Schema(w, unknown: false);
            w.FieldI64(3, 0);
            w.FieldListBegin(4, CompactType.Struct, 1);
            w.BeginStruct();
            w.FieldListBegin(1, CompactType.Struct, 0);
            w.FieldI64(3, 0);
            w.EndStruct();
        });

        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        Assert.Contains("row group 0 has 0 column chunks, the schema 1 leaf columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMetadataAsync_PlaintextFooterWithEncryptionAlgorithm_ThrowsEncrypted()
    {
        byte[] file = File(w =>
        {
            Schema(w, unknown: false);
            w.FieldI64(3, 0);
            w.FieldStructBegin(8);
            w.FieldStructBegin(1);
            w.EndStruct();
            w.EndStruct();
        });

        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        Assert.StartsWith("Encrypted Parquet file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMetadataAsync_PareMagic_ThrowsEncrypted()
    {
        byte[] file = [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, 5, 0, 0, 0, .. "PARE"u8];

        var e = await Assert.ThrowsAsync<ParquetException>(() => ReadAsync(file));

        Assert.Contains("PARE", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Encrypted Parquet file", e.Message, StringComparison.Ordinal);
    }

    private static void Schema(CompactWriter w, bool unknown)
    {
        w.FieldListBegin(2, CompactType.Struct, 2);
        Element(w, "schema", type: null, children: 1, unknown: unknown);
        Element(w, "a", type: 1, children: null, repetition: 0, unknown: unknown);
    }

    private static void Element(CompactWriter w, string name, int? type, int? children, int? repetition = null, bool unknown = false)
    {
        w.BeginStruct();
        if (type is { } t) w.FieldI32(1, t);
        if (repetition is { } r) w.FieldI32(3, r);
        w.FieldString(4, name);
        if (children is { } c) w.FieldI32(5, c);
        if (unknown) w.FieldString(30, "unknown in a schema element");
        w.EndStruct();
    }

    private static byte[] File(Action<CompactWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new CompactWriter(buffer);
        writer.BeginStruct();
        writer.FieldI32(1, 1);
        fields(writer);
        writer.EndStruct();
        byte[] footer = buffer.WrittenSpan.ToArray();
        return [.. "PAR1"u8, .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];
    }
}
