using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>Decodes a ColumnChunk struct and its ColumnMetaData.</summary>
internal static class ColumnChunkReader
{
    public static ParquetColumnChunkInfo Read(CompactReader reader)
    {
        ParquetColumnChunkInfo? result = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            if (id == 3 && type == CompactType.Struct) result = ReadMetaData(reader);
            else reader.Skip(type);
        }

        reader.EndStruct();
        return result ?? throw reader.Corrupt("a column chunk has no metadata");
    }

    private static ParquetColumnChunkInfo ReadMetaData(CompactReader reader)
    {
        int physical = -1, codec = 0;
        List<ParquetEncoding> encodings = [];
        List<string> path = [];
        long values = 0, uncompressed = 0, compressed = 0, dataPageOffset = -1;
        long? dictionaryPageOffset = null;
        ParquetStatistics? statistics = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: physical = reader.ReadI32(); break;
                case 2 when type == CompactType.List:
                    int encodingCount = reader.ReadListHeader(out _);
                    for (int i = 0; i < encodingCount; i++) encodings.Add((ParquetEncoding)reader.ReadI32());
                    break;
                case 3 when type == CompactType.List:
                    int names = reader.ReadListHeader(out _);
                    for (int i = 0; i < names; i++) path.Add(reader.ReadString());
                    break;
                case 4 when type == CompactType.I32: codec = reader.ReadI32(); break;
                case 5 when type == CompactType.I64: values = reader.ReadI64(); break;
                case 6 when type == CompactType.I64: uncompressed = reader.ReadI64(); break;
                case 7 when type == CompactType.I64: compressed = reader.ReadI64(); break;
                case 9 when type == CompactType.I64: dataPageOffset = reader.ReadI64(); break;
                case 11 when type == CompactType.I64: dictionaryPageOffset = reader.ReadI64(); break;
                case 12 when type == CompactType.Struct: statistics = ReadStatistics(reader); break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        if (physical < 0 || dataPageOffset < 0) throw reader.Corrupt("column metadata lacks its type or data page offset");
        return new ParquetColumnChunkInfo(
            path, (ParquetPhysicalType)physical, (ParquetCodec)codec, encodings, values, uncompressed, compressed,
            dataPageOffset, dictionaryPageOffset, statistics);
    }

    private static ParquetStatistics ReadStatistics(CompactReader reader)
    {
        long? nulls = null, distinct = null;
        byte[]? min = null, max = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 3 when type == CompactType.I64: nulls = reader.ReadI64(); break;
                case 4 when type == CompactType.I64: distinct = reader.ReadI64(); break;
                case 5 when type == CompactType.Binary: max = reader.ReadBinary(); break;
                case 6 when type == CompactType.Binary: min = reader.ReadBinary(); break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        return new ParquetStatistics(nulls, min, max, distinct);
    }
}
