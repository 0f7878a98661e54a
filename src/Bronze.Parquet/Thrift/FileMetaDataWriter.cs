using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>Encodes a file's FileMetaData struct (the footer) from a <see cref="ParquetFileInfo"/>.</summary>
internal static class FileMetaDataWriter
{
    public static void Write(CompactWriter writer, ParquetFileInfo info)
    {
        IReadOnlyList<ParquetColumn> columns = info.Schema.Columns;
        writer.BeginStruct();
        writer.FieldI32(1, info.Version);
        writer.FieldListBegin(2, CompactType.Struct, columns.Count + 1);
        writer.BeginStruct();
        writer.FieldString(4, "schema");
        writer.FieldI32(5, columns.Count);
        writer.EndStruct();
        foreach (ParquetColumn column in columns) WriteSchemaElement(writer, column);
        writer.FieldI64(3, info.RowCount);
        writer.FieldListBegin(4, CompactType.Struct, info.RowGroups.Count);
        foreach (ParquetRowGroupInfo rowGroup in info.RowGroups) WriteRowGroup(writer, rowGroup);
        if (info.KeyValueMetadata.Count > 0)
        {
            writer.FieldListBegin(5, CompactType.Struct, info.KeyValueMetadata.Count);
            foreach ((string key, string? value) in info.KeyValueMetadata)
            {
                writer.BeginStruct();
                writer.FieldString(1, key);
                if (value is not null) writer.FieldString(2, value);
                writer.EndStruct();
            }
        }

        if (info.CreatedBy is not null) writer.FieldString(6, info.CreatedBy);

        // TYPE_ORDER for every column: tells readers that min_value/max_value follow the type's order.
        writer.FieldListBegin(7, CompactType.Struct, columns.Count);
        for (int i = 0; i < columns.Count; i++)
        {
            writer.BeginStruct();
            writer.FieldStructBegin(1);
            writer.EndStruct();
            writer.EndStruct();
        }

        writer.EndStruct();
    }

    private static void WriteSchemaElement(CompactWriter writer, ParquetColumn column)
    {
        writer.BeginStruct();
        writer.FieldI32(1, (int)column.PhysicalType);
        if (column.TypeLength is { } length) writer.FieldI32(2, length);
        writer.FieldI32(3, column.IsNullable ? 1 : 0);
        writer.FieldString(4, column.Name);
        if (column.LogicalType is { } logical)
        {
            if (ConvertedTypes.From(logical) is { } converted) writer.FieldI32(6, converted);
            writer.FieldStructBegin(10);
            switch (logical.Kind)
            {
                case ParquetLogicalKind.String:
                    writer.FieldStructBegin(1);
                    writer.EndStruct();
                    break;
                case ParquetLogicalKind.Timestamp:
                    writer.FieldStructBegin(8);
                    writer.FieldBool(1, logical.IsAdjustedToUtc);
                    writer.FieldStructBegin(2);
                    writer.FieldStructBegin(logical.Unit == ParquetTimeUnit.Millis ? (short)1 : (short)2);
                    writer.EndStruct();
                    writer.EndStruct();
                    writer.EndStruct();
                    break;
                case ParquetLogicalKind.Integer:
                    writer.FieldStructBegin(10);
                    writer.FieldByte(1, (sbyte)logical.BitWidth);
                    writer.FieldBool(2, logical.IsSigned);
                    writer.EndStruct();
                    break;
            }

            writer.EndStruct();
        }

        writer.EndStruct();
    }

    private static void WriteRowGroup(CompactWriter writer, ParquetRowGroupInfo rowGroup)
    {
        writer.BeginStruct();
        writer.FieldListBegin(1, CompactType.Struct, rowGroup.Columns.Count);
        foreach (ParquetColumnChunkInfo chunk in rowGroup.Columns) WriteColumnChunk(writer, chunk);
        writer.FieldI64(2, rowGroup.TotalByteSize);
        writer.FieldI64(3, rowGroup.RowCount);
        if (rowGroup.FileOffset is { } offset) writer.FieldI64(5, offset);
        if (rowGroup.TotalCompressedSize is { } compressed) writer.FieldI64(6, compressed);
        writer.EndStruct();
    }

    private static void WriteColumnChunk(CompactWriter writer, ParquetColumnChunkInfo chunk)
    {
        writer.BeginStruct();
        writer.FieldI64(2, chunk.StartOffset);
        writer.FieldStructBegin(3);
        writer.FieldI32(1, (int)chunk.PhysicalType);
        writer.FieldListBegin(2, CompactType.I32, chunk.Encodings.Count);
        foreach (ParquetEncoding encoding in chunk.Encodings) writer.ElementI32((int)encoding);
        writer.FieldListBegin(3, CompactType.Binary, chunk.Path.Count);
        foreach (string name in chunk.Path) writer.ElementString(name);
        writer.FieldI32(4, (int)chunk.Codec);
        writer.FieldI64(5, chunk.ValueCount);
        writer.FieldI64(6, chunk.TotalUncompressedSize);
        writer.FieldI64(7, chunk.TotalCompressedSize);
        writer.FieldI64(9, chunk.DataPageOffset);
        if (chunk.DictionaryPageOffset is { } dictionaryOffset) writer.FieldI64(11, dictionaryOffset);
        if (chunk.Statistics is { } statistics)
        {
            writer.FieldStructBegin(12);
            if (statistics.NullCount is { } nulls) writer.FieldI64(3, nulls);
            if (statistics.DistinctCount is { } distinct) writer.FieldI64(4, distinct);
            if (statistics.MaxValue is { } max) writer.FieldBinary(5, max);
            if (statistics.MinValue is { } min) writer.FieldBinary(6, min);
            writer.EndStruct();
        }

        writer.EndStruct();
        writer.EndStruct();
    }
}
