namespace Bronze.Parquet.Tests.Support.Readers;

/// <summary>What an independent reader saw in a file.</summary>
/// <param name="ColumnNames">Leaf column names, in schema order.</param>
/// <param name="RowGroups">Each row group, in file order.</param>
internal sealed record ReadBack(IReadOnlyList<string> ColumnNames, IReadOnlyList<ReadBackRowGroup> RowGroups)
{
    /// <summary>Every row of the file, row groups concatenated, as the reader's own .NET values.</summary>
    public IEnumerable<object?[]> Rows() => RowGroups.SelectMany(g => Enumerable.Range(0, g.RowCount).Select(r => g.Columns.Select(c => c[r]).ToArray()));
}

/// <summary>One row group as a reader saw it.</summary>
/// <param name="RowCount">Rows in the group.</param>
/// <param name="Codecs">The codec of each column chunk as the reader names it (upper case), in schema order.</param>
/// <param name="Columns">Each column's values (nulls included), in schema order.</param>
internal sealed record ReadBackRowGroup(int RowCount, IReadOnlyList<string> Codecs, IReadOnlyList<object?[]> Columns);
