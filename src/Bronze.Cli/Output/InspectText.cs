using System.Text;
using Bronze.Parquet.Footer;

namespace Bronze.Cli.Output;

/// <summary><c>bronze inspect</c>'s human output: compact, one line per schema field and per column chunk.</summary>
internal static class InspectText
{
    private const int ShownValue = 40;

    public static void Write(CliConsole console, string file, ParquetFileMetadata m)
    {
        console.Line($"{file}: {Units.Count(m.FileLength)} bytes, footer {Units.Count(m.FooterLength)} bytes, format version {m.Version}");
        console.Line($"rows {Units.Count(m.RowCount)}, row groups {m.RowGroups.Count}, created by {m.CreatedBy ?? "(not recorded)"}");
        foreach (KeyValuePair<string, string?> pair in m.KeyValueMetadata) console.Line($"  {pair.Key} = {Clip(pair.Value ?? "(null)")}");
        console.Line("schema:");
        foreach (ParquetSchemaNode child in m.Schema.Children) WriteNode(console, child, 1);
        for (int g = 0; g < m.RowGroups.Count; g++)
        {
            ParquetRowGroupInfo group = m.RowGroups[g];
            string compressed = group.TotalCompressedSize is { } size ? Units.Bytes(size) + " compressed, " : "";
            console.Line($"row group {g}: {Units.Count(group.RowCount)} rows, {compressed}{Units.Bytes(group.TotalByteSize)} uncompressed");
            for (int c = 0; c < group.Columns.Count; c++) console.Line("  " + Chunk(group.Columns[c], m.Leaves[c]));
        }
    }

    private static void WriteNode(CliConsole console, ParquetSchemaNode node, int depth)
    {
        var line = new StringBuilder(new string(' ', depth * 2)).Append(node.Name).Append(": ");
        line.Append(node.Repetition is { } r ? ParquetNames.Of(r) : "").Append(' ');
        line.Append(node.PhysicalType is { } p ? ParquetNames.Of(p) : "group");
        if (node.TypeLength is { } length && node.PhysicalType is not null) line.Append('(').Append(length).Append(')');
        if (node.LogicalType is { } logical) line.Append(' ').Append(logical);
        else if (node.ConvertedType is { } converted) line.Append(' ').Append(ParquetNames.Of(converted));
        if (node.FieldId is { } id) line.Append(" id=").Append(id);
        console.Line(line.ToString());
        foreach (ParquetSchemaNode child in node.Children) WriteNode(console, child, depth + 1);
    }

    private static string Chunk(ParquetColumnChunkInfo chunk, ParquetLeafColumn leaf)
    {
        var line = new StringBuilder(string.Join('.', chunk.Path)).Append(' ').Append(ParquetNames.Of(chunk.Codec)).Append(' ');
        line.AppendJoin(',', chunk.Encodings.Select(ParquetNames.Of));
        line.Append($" {Units.Count(chunk.ValueCount)} values {Units.Bytes(chunk.TotalCompressedSize)}/{Units.Bytes(chunk.TotalUncompressedSize)}");
        if (chunk.Statistics is { } s)
        {
            byte[]? min = s.MinValue ?? s.LegacyMinValue, max = s.MaxValue ?? s.LegacyMaxValue;
            string legacy = s.MinValue is null && s.LegacyMinValue is not null ? " (legacy)" : "";
            if (min is not null) line.Append(" min ").Append(Clip(ParquetValueText.Format(leaf, min))).Append(legacy);
            if (max is not null) line.Append(" max ").Append(Clip(ParquetValueText.Format(leaf, max))).Append(legacy);
            if (s.NullCount is { } nulls) line.Append(" nulls ").Append(Units.Count(nulls));
            if (s.DistinctCount is { } distinct) line.Append(" distinct ").Append(Units.Count(distinct));
        }

        if (chunk.DictionaryPageOffset is not null) line.Append(" dictionary");
        if (chunk.OffsetIndexOffset is not null || chunk.ColumnIndexOffset is not null) line.Append(" page-index");
        if (chunk.BloomFilterOffset is not null) line.Append(" bloom-filter");
        if (chunk.FilePath is { } path) line.Append(" in ").Append(path);
        return line.ToString();
    }

    private static string Clip(string value) => value.Length > ShownValue ? value[..ShownValue] + "..." : value;
}
