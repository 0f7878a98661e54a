using System.Globalization;
using System.Text;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Tests.Support.Readers;

/// <summary>
/// Checks that an independent reader saw exactly what Bronze wrote: the column names, the row groups (count, rows
/// each, codec of each chunk) that Bronze's writer reported, and every value. Values on both sides are brought to one
/// text: integers in decimal (unsigned logical types as unsigned), timestamps as 100 ns ticks since the epoch, text
/// and bytes as hex of their bytes, doubles round-trippable.
/// </summary>
internal static class ReaderAssert
{
    public static async Task SameAsWrittenAsync(
        string readerName, string path, ParquetSchema schema, IReadOnlyList<object?[]> rows, ParquetFileInfo written)
    {
        IIndependentReader reader = IndependentReaders.Get(readerName);
        ReadBack actual = await reader.ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(schema.Columns.Select(c => c.Name), actual.ColumnNames);
        Assert.Equal(written.RowGroups.Select(g => (int)g.RowCount), actual.RowGroups.Select(g => g.RowCount));
        for (int g = 0; g < written.RowGroups.Count; g++)
        {
            Assert.Equal(
                written.RowGroups[g].Columns.Select(c => c.Codec.ToString().ToUpperInvariant()),
                actual.RowGroups[g].Codecs.Select(c => c.Replace("_", "", StringComparison.Ordinal)));
        }

        int r = 0;
        foreach (object?[] got in actual.Rows())
        {
            Assert.True(r < rows.Count, $"{reader.Name} read more than the {rows.Count} rows written");
            for (int c = 0; c < schema.Columns.Count; c++)
            {
                string? expected = Canonical(schema.Columns[c], rows[r][c]);
                string? seen = Canonical(schema.Columns[c], got[c]);
                if (expected != seen)
                {
                    Assert.Fail($"{reader.Name}, row {r}, column '{schema.Columns[c].Name}': expected {expected ?? "null"}, read {seen ?? "null"} ({got[c]?.GetType().Name})");
                }
            }

            r++;
        }

        Assert.Equal(rows.Count, r);
    }

    private static string? Canonical(ParquetColumn column, object? value)
    {
        bool unsigned = column.LogicalType is { Kind: ParquetLogicalKind.Integer, IsSigned: false };
        long unitTicks = column.LogicalType is { Kind: ParquetLogicalKind.Timestamp } timestamp
            ? timestamp.Unit == ParquetTimeUnit.Millis ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerMicrosecond
            : 0;
        return value switch
        {
            null => null,
            DateTimeOffset t => $"ticks {t.UtcTicks - DateTime.UnixEpoch.Ticks}",
            DateTime t => $"ticks {t.Ticks - DateTime.UnixEpoch.Ticks}",
            long l when unitTicks != 0 => $"ticks {l * unitTicks}",
            int i when unsigned => ((uint)i).ToString(CultureInfo.InvariantCulture),
            long l when unsigned => ((ulong)l).ToString(CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            string s => Convert.ToHexString(Encoding.UTF8.GetBytes(s)),
            byte[] bytes => Convert.ToHexString(bytes),
            ReadOnlyMemory<byte> bytes => Convert.ToHexString(bytes.Span),
            ReadOnlyMemory<char> text => Convert.ToHexString(Encoding.UTF8.GetBytes(text.ToArray())),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException($"No canonical text for {value.GetType().Name}."),
        };
    }
}
