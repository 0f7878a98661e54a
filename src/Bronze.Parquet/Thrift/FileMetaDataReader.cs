using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>Decodes a FileMetaData struct (the footer) into a <see cref="ParquetFileInfo"/>, skipping unknown fields.</summary>
internal static class FileMetaDataReader
{
    public static ParquetFileInfo Read(CompactReader reader)
    {
        int version = 0;
        long rowCount = -1;
        List<ParquetColumn>? columns = null;
        List<ParquetRowGroupInfo> rowGroups = [];
        List<KeyValuePair<string, string?>> keyValues = [];
        string? createdBy = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: version = reader.ReadI32(); break;
                case 2 when type == CompactType.List: columns = ReadSchema(reader); break;
                case 3 when type == CompactType.I64: rowCount = reader.ReadI64(); break;
                case 4 when type == CompactType.List:
                    int groups = reader.ReadListHeader(out _);
                    for (int i = 0; i < groups; i++) rowGroups.Add(ReadRowGroup(reader));
                    break;
                case 5 when type == CompactType.List:
                    int pairs = reader.ReadListHeader(out _);
                    for (int i = 0; i < pairs; i++) keyValues.Add(ReadKeyValue(reader));
                    break;
                case 6 when type == CompactType.Binary: createdBy = reader.ReadString(); break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        if (columns is null) throw reader.Corrupt("the schema is missing");
        if (rowCount < 0) throw reader.Corrupt("the row count is missing or negative");
        ParquetSchema schema;
        try
        {
            schema = new ParquetSchema(columns);
        }
        catch (ParquetException e)
        {
            throw new ParquetException($"The footer's schema is not one Bronze can read: {e.Message}", e);
        }

        return new ParquetFileInfo(version, rowCount, schema, rowGroups, keyValues, createdBy);
    }

    private static List<ParquetColumn> ReadSchema(CompactReader reader)
    {
        int count = reader.ReadListHeader(out _);
        if (count == 0) throw reader.Corrupt("the schema has no root element");
        SchemaElement root = SchemaElement.Read(reader);
        if (root.NumChildren != count - 1)
        {
            throw new ParquetException("The file's schema is nested; Bronze reads flat schemas only.");
        }

        var columns = new List<ParquetColumn>(count - 1);
        for (int i = 1; i < count; i++)
        {
            SchemaElement element = SchemaElement.Read(reader);
            if (element.NumChildren is > 0 || element.Type is null || element.Repetition == 2)
            {
                throw new ParquetException($"Column '{element.Name}' is nested or repeated; Bronze reads flat schemas only.");
            }

            columns.Add(new ParquetColumn(
                element.Name,
                (ParquetPhysicalType)element.Type.Value,
                element.Repetition == 1,
                element.Logical ?? (element.Converted is { } converted ? ConvertedTypes.ToLogical(converted) : null),
                element.TypeLength));
        }

        return columns;
    }

    private static ParquetRowGroupInfo ReadRowGroup(CompactReader reader)
    {
        List<ParquetColumnChunkInfo> chunks = [];
        long totalByteSize = 0, rowCount = 0;
        long? fileOffset = null, totalCompressed = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.List:
                    int count = reader.ReadListHeader(out _);
                    for (int i = 0; i < count; i++) chunks.Add(ColumnChunkReader.Read(reader));
                    break;
                case 2 when type == CompactType.I64: totalByteSize = reader.ReadI64(); break;
                case 3 when type == CompactType.I64: rowCount = reader.ReadI64(); break;
                case 5 when type == CompactType.I64: fileOffset = reader.ReadI64(); break;
                case 6 when type == CompactType.I64: totalCompressed = reader.ReadI64(); break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        return new ParquetRowGroupInfo(rowCount, totalByteSize, totalCompressed, fileOffset, chunks);
    }

    private static KeyValuePair<string, string?> ReadKeyValue(CompactReader reader)
    {
        string? key = null, value = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 1 && type == CompactType.Binary) key = reader.ReadString();
            else if (id == 2 && type == CompactType.Binary) value = reader.ReadString();
            else reader.Skip(type);
        }

        reader.EndStruct();
        return new KeyValuePair<string, string?>(key ?? throw reader.Corrupt("a key-value entry has no key"), value);
    }
}
