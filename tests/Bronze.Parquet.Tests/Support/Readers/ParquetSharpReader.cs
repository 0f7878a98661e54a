using ParquetSharp;

namespace Bronze.Parquet.Tests.Support.Readers;

/// <summary>
/// ParquetSharp 25.0.1.2 (Apache Arrow's C++ Parquet reader inside): each column is read with the .NET type ParquetSharp
/// picks from the file's physical and logical types.
/// </summary>
internal sealed class ParquetSharpReader : IIndependentReader
{
    public string Name => "ParquetSharp";

    public Task<ReadBack> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var file = new ParquetFileReader(path);
        int columnCount = file.FileMetaData.NumColumns;
        string[] names = [.. Enumerable.Range(0, columnCount).Select(c => file.FileMetaData.Schema.Column(c).Name)];
        var groups = new List<ReadBackRowGroup>();
        for (int g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using RowGroupReader group = file.RowGroup(g);
            int rows = checked((int)group.MetaData.NumRows);
            var columns = new List<object?[]>();
            var codecs = new List<string>();
            for (int c = 0; c < columnCount; c++)
            {
                using ColumnReader column = group.Column(c);
                columns.Add(column.Type == PhysicalType.FixedLenByteArray && column.ColumnDescriptor.LogicalType.Type == LogicalTypeEnum.None
                    ? ReadFixedLength((ColumnReader<FixedLenByteArray>)column, rows)
                    : ReadLogical(column, rows));
                codecs.Add(group.MetaData.GetColumnChunkMetaData(c).Compression.ToString().ToUpperInvariant());
            }

            groups.Add(new ReadBackRowGroup(rows, codecs, columns));
        }

        file.Close();
        return Task.FromResult(new ReadBack(names, groups));
    }

    private static object?[] ReadLogical(ColumnReader column, int rows)
    {
        using LogicalColumnReader reader = column.LogicalReader();
        return reader.Apply(new ReadAll(rows));
    }

    /// <summary>
    /// ParquetSharp's logical readers do not take FIXED_LEN_BYTE_ARRAY without a logical type, so those columns are read
    /// through its physical reader: definition levels, then each value's bytes copied out before the next batch.
    /// </summary>
    private static object?[] ReadFixedLength(ColumnReader<FixedLenByteArray> column, int rows)
    {
        int length = column.ColumnDescriptor.TypeLength;
        short maxDefinition = column.ColumnDescriptor.MaxDefinitionLevel;
        var result = new object?[rows];
        var levels = new short[rows];
        var values = new FixedLenByteArray[rows];
        int row = 0;
        while (row < rows)
        {
            long levelsRead = column.ReadBatch(rows - row, levels, default, values, out long valuesRead);
            if (levelsRead == 0) throw new InvalidDataException($"Column '{column.ColumnDescriptor.Name}' ended after {row} of {rows} rows.");
            int value = 0;
            for (int i = 0; i < levelsRead; i++, row++)
            {
                if (maxDefinition > 0 && levels[i] < maxDefinition) continue;
                byte[] bytes = new byte[length];
                System.Runtime.InteropServices.Marshal.Copy(values[value++].Pointer, bytes, 0, length);
                result[row] = bytes;
            }

            Assert.Equal(valuesRead, value);
        }

        return result;
    }

    private sealed class ReadAll(int rows) : ILogicalColumnReaderVisitor<object?[]>
    {
        public object?[] OnLogicalColumnReader<TValue>(LogicalColumnReader<TValue> columnReader) =>
            [.. columnReader.ReadAll(rows).Select(v => (object?)v)];
    }
}
