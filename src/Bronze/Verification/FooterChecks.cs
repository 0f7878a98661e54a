using System.Buffers.Binary;
using Bronze.Copier;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Parquet;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Tables;

namespace Bronze.Verification;

/// <summary>
/// What a data file's own footer must say, beyond the bytes the manifest hashes: a forged manifest that matches forged
/// bytes still fails here. The table's schema, row groups whose rows add up, ledger_sequence statistics inside the
/// partition and equal to the manifest's first/last ledger, and the manifest's codec on every column chunk.
/// </summary>
internal static class FooterChecks
{
    private static readonly string SequenceColumn = LedgerTable.LedgerSequence.Name;

    /// <summary>The largest footer a file of <paramref name="fileSize"/> bytes may have: 1 MiB, plus 1/256 of the file.</summary>
    /// <remarks>Bronze's footers take a few KiB per row group; a longer one can only be built to exhaust memory.</remarks>
    public static long MaxFooterLength(long fileSize) => Math.Min(ParquetFooterReader.MaxFooterLength, (1L << 20) + fileSize / 256);

    public static IEnumerable<(VerificationIssueKind Kind, string Message)> Check(ParquetFileInfo info, PartitionRef partition, ManifestTableEntry? entry)
    {
        if (partition.Table == LedgerTable.Name && SchemaProblem(info.Schema) is { } schema)
            yield return (VerificationIssueKind.SchemaMismatch, schema);

        long sum = 0;
        foreach (ParquetRowGroupInfo group in info.RowGroups) sum = group.RowCount < 0 ? -1 : sum + group.RowCount;
        if (sum != info.RowCount)
            yield return (VerificationIssueKind.RowCountMismatch, $"The footer says {info.RowCount} rows, its row groups hold {sum}.");

        if (entry?.Codec is { } codec)
        {
            string? other = info.RowGroups.SelectMany(g => g.Columns).Select(c => Name(c.Codec)).FirstOrDefault(c => c != codec);
            if (other is not null) yield return (VerificationIssueKind.CodecMismatch, $"The column chunks use codec {other}, the manifest says {codec}.");
        }

        if (LedgerRangeProblem(info, partition, entry) is { } range) yield return (VerificationIssueKind.LedgerRangeMismatch, range);
    }

    private static string? SchemaProblem(ParquetSchema actual)
    {
        static string Describe(ParquetSchema schema) => string.Join(", ", schema.Columns.Select(c => $"{c.Name} {c.PhysicalType}{(c.IsNullable ? "?" : "")}"));
        IReadOnlyList<ParquetColumn> expected = LedgerTable.Schema.Columns;
        bool same = actual.Columns.Count == expected.Count && actual.Columns.Zip(expected).All(pair =>
            (pair.First.Name, pair.First.PhysicalType, pair.First.IsNullable, pair.First.LogicalType, pair.First.TypeLength)
            == (pair.Second.Name, pair.Second.PhysicalType, pair.Second.IsNullable, pair.Second.LogicalType, pair.Second.TypeLength));
        return same ? null : $"The data file's schema ({Describe(actual)}) is not the table's ({Describe(LedgerTable.Schema)}).";
    }

    private static string? LedgerRangeProblem(ParquetFileInfo info, PartitionRef partition, ManifestTableEntry? entry)
    {
        if (info.RowCount == 0)
        {
            return entry?.FirstLedger is null && entry?.LastLedger is null ? null
                : $"The file has no rows, the manifest says ledgers {entry.FirstLedger}-{entry.LastLedger}.";
        }

        int column = info.Schema.IndexOf(SequenceColumn);
        if (column < 0) return null; // the schema check reports the missing column
        long min = long.MaxValue, max = long.MinValue;
        foreach (ParquetRowGroupInfo group in info.RowGroups.Where(g => g.RowCount > 0))
        {
            if (group.Columns.Count <= column || group.Columns[column].Statistics is not { MinValue.Length: 8, MaxValue.Length: 8 } stats)
                return $"A row group has no {SequenceColumn} statistics, so the ledgers it holds cannot be checked.";
            min = Math.Min(min, BinaryPrimitives.ReadInt64LittleEndian(stats.MinValue));
            max = Math.Max(max, BinaryPrimitives.ReadInt64LittleEndian(stats.MaxValue));
        }

        if (min > max) return null; // no row group holds rows: the row-group sum check reports it
        if (min < partition.Start || max > partition.End)
            return $"The file holds ledgers {min}-{max}, outside the partition {partition.Start}-{partition.End}.";
        if (entry is not null && (entry.FirstLedger != min || entry.LastLedger != max))
            return $"The file holds ledgers {min}-{max}, the manifest says {entry.FirstLedger}-{entry.LastLedger}.";
        return null;
    }

    private static string Name(ParquetCodec codec) =>
        Enum.IsDefined(codec) ? CodecNames.ManifestName(codec) : $"#{(int)codec}";
}
