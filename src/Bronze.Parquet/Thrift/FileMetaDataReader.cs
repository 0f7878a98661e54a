using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>Decodes a FileMetaData struct (the footer), every field the format defines; unknown fields are skipped.</summary>
internal static class FileMetaDataReader
{
    public static ParquetFileMetadata Read(CompactReader reader)
    {
        int version = 0;
        long rowCount = -1;
        List<SchemaElement>? elements = null;
        List<ParquetRowGroupInfo> rowGroups = [];
        List<KeyValuePair<string, string?>> keyValues = [];
        string? createdBy = null;
        bool encrypted = false;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: version = reader.ReadI32(); break;
                case 2 when type == CompactType.List:
                    int count = reader.ReadListHeader(CompactType.Struct, "the schema");
                    elements = new List<SchemaElement>(count);
                    for (int i = 0; i < count; i++) elements.Add(SchemaElement.Read(reader));
                    break;
                case 3 when type == CompactType.I64: rowCount = reader.ReadI64(); break;
                case 4 when type == CompactType.List:
                    int groups = reader.ReadListHeader(CompactType.Struct, "the row groups");
                    for (int i = 0; i < groups; i++) rowGroups.Add(ReadRowGroup(reader));
                    break;
                case 5 when type == CompactType.List: ReadKeyValues(reader, keyValues); break;
                case 6 when type == CompactType.Binary: createdBy = reader.ReadLenientString(); break;
                case 8 when type == CompactType.Struct:
                    // encryption_algorithm: a plaintext footer of a file whose columns are encrypted.
                    encrypted = true;
                    reader.Skip(type);
                    break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        if (encrypted) throw Encrypted("its footer is plaintext but its columns are encrypted (encryption_algorithm is set)");
        if (elements is null) throw reader.Corrupt("the schema is missing");
        if (rowCount < 0) throw reader.Corrupt("the row count is missing or negative");
        (ParquetSchemaNode root, List<ParquetLeafColumn> leaves) = SchemaTree.Build(elements);
        for (int g = 0; g < rowGroups.Count; g++)
        {
            if (rowGroups[g].Columns.Count != leaves.Count)
                throw reader.Corrupt($"row group {g} has {rowGroups[g].Columns.Count} column chunks, the schema {leaves.Count} leaf columns");
        }

        return new ParquetFileMetadata(version, rowCount, root, leaves, rowGroups, keyValues, createdBy);
    }

    /// <summary>The message for an encrypted file, which Bronze does not read.</summary>
    public static ParquetException Encrypted(string detail) =>
        new($"Encrypted Parquet file: {detail}; Bronze does not read encrypted Parquet (modular encryption).");

    /// <summary>The flat view the verifier and Bronze's own files use: the root's leaves, none nested or repeated.</summary>
    public static ParquetFileInfo ToFileInfo(ParquetFileMetadata metadata)
    {
        var columns = new List<ParquetColumn>(metadata.Leaves.Count);
        foreach (ParquetSchemaNode node in metadata.Schema.Children)
        {
            if (node.IsGroup || node.Repetition == ParquetRepetition.Repeated)
                throw new ParquetException($"Column '{node.Name}' is nested or repeated; Bronze reads flat schemas only.");
        }

        foreach (ParquetLeafColumn leaf in metadata.Leaves)
        {
            ParquetSchemaNode node = leaf.Node;
            SchemaElement element = new(node.Name, (int?)node.PhysicalType, 0)
            {
                Converted = (int?)node.ConvertedType,
                Annotation = node.LogicalType,
            };
            columns.Add(new ParquetColumn(
                node.Name, node.PhysicalType!.Value, node.Repetition == ParquetRepetition.Optional, element.BronzeLogical, node.TypeLength));
        }

        ParquetSchema schema;
        try
        {
            schema = new ParquetSchema(columns);
        }
        catch (ParquetException e)
        {
            throw new ParquetException($"The footer's schema is not one Bronze can read: {e.Message}", e);
        }

        return new ParquetFileInfo(metadata.Version, metadata.RowCount, schema, metadata.RowGroups, metadata.KeyValueMetadata, metadata.CreatedBy);
    }

    private static ParquetRowGroupInfo ReadRowGroup(CompactReader reader)
    {
        List<ParquetColumnChunkInfo> chunks = [];
        long totalByteSize = 0, rowCount = -1;
        long? fileOffset = null, totalCompressed = null;
        int? ordinal = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.List:
                    int count = reader.ReadListHeader(CompactType.Struct, "a row group's columns");
                    for (int i = 0; i < count; i++) chunks.Add(ColumnChunkReader.Read(reader));
                    break;
                case 2 when type == CompactType.I64: totalByteSize = reader.ReadI64(); break;
                case 3 when type == CompactType.I64: rowCount = reader.ReadI64(); break;
                case 5 when type == CompactType.I64: fileOffset = reader.ReadI64(); break;
                case 6 when type == CompactType.I64: totalCompressed = reader.ReadI64(); break;
                case 7 when type == CompactType.I16: ordinal = reader.ReadI32(); break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        if (rowCount < 0) throw reader.Corrupt("a row group's row count is missing or negative");
        return new ParquetRowGroupInfo(rowCount, totalByteSize, totalCompressed, fileOffset, chunks) { Ordinal = ordinal };
    }

    /// <summary>Reads a list of KeyValue structs (the file's, or a column chunk's).</summary>
    public static void ReadKeyValues(CompactReader reader, List<KeyValuePair<string, string?>> into)
    {
        int pairs = reader.ReadListHeader(CompactType.Struct, "the key-value metadata");
        for (int i = 0; i < pairs; i++)
        {
            string? key = null, value = null;
            reader.BeginStruct();
            while (reader.ReadFieldHeader(out short id, out CompactType type))
            {
                if (id == 1 && type == CompactType.Binary) key = reader.ReadString();
                else if (id == 2 && type == CompactType.Binary) value = reader.ReadLenientString();
                else reader.Skip(type);
            }

            reader.EndStruct();
            into.Add(new KeyValuePair<string, string?>(key ?? throw reader.Corrupt("a key-value entry has no key"), value));
        }
    }
}
