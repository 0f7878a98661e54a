using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>One SchemaElement, every field the format defines (unknown ones are skipped).</summary>
internal sealed record SchemaElement(string Name, int? Type, int? NumChildren)
{
    public int? TypeLength { get; init; }

    public int? Repetition { get; init; }

    public int? Converted { get; init; }

    public int? Scale { get; init; }

    public int? Precision { get; init; }

    public int? FieldId { get; init; }

    public ParquetTypeAnnotation? Annotation { get; init; }

    /// <summary>The logical type in Bronze's own subset (string, millis/micros timestamps, integers), else null.</summary>
    public ParquetLogicalType? BronzeLogical => (Annotation is { } a
        ? a.Kind switch
        {
            ParquetAnnotationKind.String => ParquetLogicalType.String,
            ParquetAnnotationKind.Timestamp when a.Unit is "MILLIS" or "MICROS" =>
                ParquetLogicalType.Timestamp(a.Unit == "MILLIS" ? ParquetTimeUnit.Millis : ParquetTimeUnit.Micros, a.IsAdjustedToUtc == true),
            ParquetAnnotationKind.Integer when a.BitWidth is 8 or 16 or 32 or 64 => ParquetLogicalType.Integer(a.BitWidth.Value, a.IsSigned != false),
            _ => null,
        }
        : null) ?? (Converted is { } converted ? ConvertedTypes.ToLogical(converted) : null);

    public static SchemaElement Read(CompactReader reader)
    {
        string? name = null;
        int? type = null, typeLength = null, repetition = null, children = null, converted = null, scale = null, precision = null, fieldId = null;
        ParquetTypeAnnotation? annotation = null;
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
                case 7 when fieldType == CompactType.I32: scale = reader.ReadI32(); break;
                case 8 when fieldType == CompactType.I32: precision = reader.ReadI32(); break;
                case 9 when fieldType == CompactType.I32: fieldId = reader.ReadI32(); break;
                case 10 when fieldType == CompactType.Struct: annotation = ReadLogicalType(reader); break;
                default: reader.Skip(fieldType); break;
            }
        }

        reader.EndStruct();
        return new SchemaElement(name ?? throw reader.Corrupt("a schema element has no name"), type, children)
        {
            TypeLength = typeLength,
            Repetition = repetition,
            Converted = converted,
            Scale = scale,
            Precision = precision,
            FieldId = fieldId,
            Annotation = annotation,
        };
    }

    // LogicalType is a union: one field set, its id naming the member. Members without parameters are empty structs.
    private static ParquetTypeAnnotation? ReadLogicalType(CompactReader reader)
    {
        ParquetTypeAnnotation? result = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (type != CompactType.Struct)
            {
                reader.Skip(type);
                continue;
            }

            var kind = Enum.IsDefined((ParquetAnnotationKind)id) && id != 0 ? (ParquetAnnotationKind)id : ParquetAnnotationKind.Other;
            result = kind switch
            {
                ParquetAnnotationKind.Decimal => ReadDecimal(reader),
                ParquetAnnotationKind.Time or ParquetAnnotationKind.Timestamp => ReadTime(reader, kind),
                ParquetAnnotationKind.Integer => ReadInteger(reader),
                _ => Skipped(reader, new ParquetTypeAnnotation(kind, id)),
            };
        }

        reader.EndStruct();
        return result;
    }

    private static ParquetTypeAnnotation Skipped(CompactReader reader, ParquetTypeAnnotation annotation)
    {
        reader.Skip(CompactType.Struct);
        return annotation;
    }

    private static ParquetTypeAnnotation ReadDecimal(CompactReader reader)
    {
        int? scale = null, precision = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 1 && type == CompactType.I32) scale = reader.ReadI32();
            else if (id == 2 && type == CompactType.I32) precision = reader.ReadI32();
            else reader.Skip(type);
        }

        reader.EndStruct();
        return new ParquetTypeAnnotation(ParquetAnnotationKind.Decimal, (int)ParquetAnnotationKind.Decimal) { Scale = scale, Precision = precision };
    }

    private static ParquetTypeAnnotation ReadTime(CompactReader reader, ParquetAnnotationKind kind)
    {
        bool? utc = null;
        string? unit = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 1 && type is CompactType.BooleanTrue or CompactType.BooleanFalse) utc = CompactReader.ReadBool(type);
            else if (id == 2 && type == CompactType.Struct)
            {
                // TimeUnit is a union of empty structs: MILLIS (1), MICROS (2), NANOS (3).
                reader.BeginStruct();
                while (reader.ReadFieldHeader(out short unitId, out CompactType unitType))
                {
                    unit = unitId switch { 1 => "MILLIS", 2 => "MICROS", 3 => "NANOS", _ => $"UNIT_{unitId}" };
                    reader.Skip(unitType);
                }

                reader.EndStruct();
            }
            else reader.Skip(type);
        }

        reader.EndStruct();
        return new ParquetTypeAnnotation(kind, (int)kind) { IsAdjustedToUtc = utc, Unit = unit };
    }

    private static ParquetTypeAnnotation ReadInteger(CompactReader reader)
    {
        int? bitWidth = null;
        bool? signed = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 1 && type == CompactType.Byte) bitWidth = reader.ReadSByte();
            else if (id == 2 && type is CompactType.BooleanTrue or CompactType.BooleanFalse) signed = CompactReader.ReadBool(type);
            else reader.Skip(type);
        }

        reader.EndStruct();
        return new ParquetTypeAnnotation(ParquetAnnotationKind.Integer, (int)ParquetAnnotationKind.Integer) { BitWidth = bitWidth, IsSigned = signed };
    }
}
