using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>The fields of one SchemaElement that Bronze reads.</summary>
internal sealed record SchemaElement(string Name, int? Type, int? TypeLength, int? Repetition, int? NumChildren, int? Converted, ParquetLogicalType? Logical)
{
    public static SchemaElement Read(CompactReader reader)
    {
        string? name = null;
        int? type = null, typeLength = null, repetition = null, children = null, converted = null;
        ParquetLogicalType? logical = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType fieldType))
        {
            switch (id)
            {
                case 1 when fieldType == CompactType.I32: type = reader.ReadI32(); break;
                case 2 when fieldType == CompactType.I32: typeLength = reader.ReadI32(); break;
                case 3 when fieldType == CompactType.I32: repetition = reader.ReadI32(); break;
                case 4 when fieldType == CompactType.Binary: name = reader.ReadString(); break;
                case 5 when fieldType == CompactType.I32: children = reader.ReadI32(); break;
                case 6 when fieldType == CompactType.I32: converted = reader.ReadI32(); break;
                case 10 when fieldType == CompactType.Struct: logical = ReadLogicalType(reader); break;
                default: reader.Skip(fieldType); break;
            }
        }

        reader.EndStruct();
        return new SchemaElement(name ?? throw reader.Corrupt("a schema element has no name"), type, typeLength, repetition, children, converted, logical);
    }

    private static ParquetLogicalType? ReadLogicalType(CompactReader reader)
    {
        ParquetLogicalType? result = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 1 && type == CompactType.Struct)
            {
                reader.Skip(type);
                result = ParquetLogicalType.String;
            }
            else if (id == 8 && type == CompactType.Struct) result = ReadTimestamp(reader);
            else if (id == 10 && type == CompactType.Struct) result = ReadInteger(reader);
            else reader.Skip(type);
        }

        reader.EndStruct();
        return result;
    }

    private static ParquetLogicalType? ReadTimestamp(CompactReader reader)
    {
        bool utc = false;
        ParquetTimeUnit? unit = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 1 && type is CompactType.BooleanTrue or CompactType.BooleanFalse) utc = CompactReader.ReadBool(type);
            else if (id == 2 && type == CompactType.Struct)
            {
                reader.BeginStruct();
                while (reader.ReadFieldHeader(out short unitId, out CompactType unitType))
                {
                    unit = unitId switch { 1 => ParquetTimeUnit.Millis, 2 => ParquetTimeUnit.Micros, _ => unit };
                    reader.Skip(unitType);
                }

                reader.EndStruct();
            }
            else reader.Skip(type);
        }

        reader.EndStruct();
        return unit is { } u ? ParquetLogicalType.Timestamp(u, utc) : null;
    }

    private static ParquetLogicalType? ReadInteger(CompactReader reader)
    {
        int bitWidth = 0;
        bool signed = true;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 1 && type == CompactType.Byte) bitWidth = reader.ReadSByte();
            else if (id == 2 && type is CompactType.BooleanTrue or CompactType.BooleanFalse) signed = CompactReader.ReadBool(type);
            else reader.Skip(type);
        }

        reader.EndStruct();
        return bitWidth is 8 or 16 or 32 or 64 ? ParquetLogicalType.Integer(bitWidth, signed) : null;
    }
}
