using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>Decodes a ColumnChunk struct and its ColumnMetaData, every field the format defines.</summary>
internal static class ColumnChunkReader
{
    public static ParquetColumnChunkInfo Read(CompactReader reader)
    {
        ParquetColumnChunkInfo? result = null;
        string? filePath = null;
        long? offsetIndexOffset = null, columnIndexOffset = null;
        int? offsetIndexLength = null, columnIndexLength = null;
        bool encrypted = false;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary: filePath = reader.ReadString(); break;
                case 3 when type == CompactType.Struct: result = ReadMetaData(reader); break;
                case 4 when type == CompactType.I64: offsetIndexOffset = reader.ReadI64(); break;
                case 5 when type == CompactType.I32: offsetIndexLength = reader.ReadI32(); break;
                case 6 when type == CompactType.I64: columnIndexOffset = reader.ReadI64(); break;
                case 7 when type == CompactType.I32: columnIndexLength = reader.ReadI32(); break;
                case 8 or 9:
                    // crypto_metadata / encrypted_column_metadata: the column's metadata is encrypted.
                    encrypted = true;
                    reader.Skip(type);
                    break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        if (result is null && encrypted) throw FileMetaDataReader.Encrypted("a column chunk's metadata is encrypted");
        return (result ?? throw reader.Corrupt("a column chunk has no metadata")) with
        {
            FilePath = filePath,
            OffsetIndexOffset = offsetIndexOffset,
            OffsetIndexLength = offsetIndexLength,
            ColumnIndexOffset = columnIndexOffset,
            ColumnIndexLength = columnIndexLength,
        };
    }

    private static ParquetColumnChunkInfo ReadMetaData(CompactReader reader)
    {
        int physical = -1, codec = -1;
        List<ParquetEncoding> encodings = [];
        List<string> path = [];
        long values = -1, uncompressed = -1, compressed = -1, dataPageOffset = -1;
        long? dictionaryPageOffset = null, indexPageOffset = null, bloomOffset = null;
        int? bloomLength = null;
        ParquetStatistics? statistics = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: physical = reader.ReadI32(); break;
                case 2 when type == CompactType.List:
                    int encodingCount = reader.ReadListHeader(CompactType.I32, "a column chunk's encodings");
                    for (int i = 0; i < encodingCount; i++) encodings.Add((ParquetEncoding)reader.ReadI32());
                    break;
                case 3 when type == CompactType.List:
                    int names = reader.ReadListHeader(CompactType.Binary, "a column chunk's path");
                    for (int i = 0; i < names; i++) path.Add(reader.ReadString());
                    break;
                case 4 when type == CompactType.I32: codec = reader.ReadI32(); break;
                case 5 when type == CompactType.I64: values = reader.ReadI64(); break;
                case 6 when type == CompactType.I64: uncompressed = reader.ReadI64(); break;
                case 7 when type == CompactType.I64: compressed = reader.ReadI64(); break;
                case 9 when type == CompactType.I64: dataPageOffset = reader.ReadI64(); break;
                case 10 when type == CompactType.I64: indexPageOffset = reader.ReadI64(); break;
                case 11 when type == CompactType.I64: dictionaryPageOffset = reader.ReadI64(); break;
                case 12 when type == CompactType.Struct: statistics = ReadStatistics(reader); break;
                case 14 when type == CompactType.I64: bloomOffset = reader.ReadI64(); break;
                case 15 when type == CompactType.I32: bloomLength = reader.ReadI32(); break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        if (physical is < 0 or > 7) throw reader.Corrupt($"column metadata has physical type {physical}, not 0 to 7");
        if (codec < 0) throw reader.Corrupt("column metadata lacks its codec");
        if (values < 0 || uncompressed < 0 || compressed < 0) throw reader.Corrupt("column metadata lacks its value count or sizes, or one is negative");
        if (dataPageOffset < 0) throw reader.Corrupt("column metadata lacks its data page offset");
        return new ParquetColumnChunkInfo(
            path, (ParquetPhysicalType)physical, (ParquetCodec)codec, encodings, values, uncompressed, compressed,
            dataPageOffset, dictionaryPageOffset, statistics)
        {
            IndexPageOffset = indexPageOffset,
            BloomFilterOffset = bloomOffset,
            BloomFilterLength = bloomLength,
        };
    }

    private static ParquetStatistics ReadStatistics(CompactReader reader)
    {
        long? nulls = null, distinct = null;
        byte[]? min = null, max = null, legacyMin = null, legacyMax = null;
        bool? minExact = null, maxExact = null;
        reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out CompactType type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary: legacyMax = reader.ReadBinary(); break;
                case 2 when type == CompactType.Binary: legacyMin = reader.ReadBinary(); break;
                case 3 when type == CompactType.I64: nulls = reader.ReadI64(); break;
                case 4 when type == CompactType.I64: distinct = reader.ReadI64(); break;
                case 5 when type == CompactType.Binary: max = reader.ReadBinary(); break;
                case 6 when type == CompactType.Binary: min = reader.ReadBinary(); break;
                case 7 when type is CompactType.BooleanTrue or CompactType.BooleanFalse: maxExact = CompactReader.ReadBool(type); break;
                case 8 when type is CompactType.BooleanTrue or CompactType.BooleanFalse: minExact = CompactReader.ReadBool(type); break;
                default: reader.Skip(type); break;
            }
        }

        reader.EndStruct();
        return new ParquetStatistics(nulls, min, max, distinct)
        {
            LegacyMinValue = legacyMin,
            LegacyMaxValue = legacyMax,
            IsMinValueExact = minExact,
            IsMaxValueExact = maxExact,
        };
    }
}
