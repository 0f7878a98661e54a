namespace Bronze.Cli.Output;

/// <summary>
/// Human output in aligned columns: each column is as wide as its widest cell, header included, so values of any
/// width (ranges of 1 to 19 digits, sizes, statuses) line up. Two spaces separate columns; the last column is not
/// padded, so free text there (a conflict's reason) does not widen the table, and no line ends in spaces.
/// </summary>
/// <param name="columns">Each column's header and whether its cells align right (numbers) or left (text).</param>
internal sealed class TextTable(params (string Header, bool AlignRight)[] columns)
{
    private const string Gap = "  ";

    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row: one cell per column.</summary>
    /// <exception cref="ArgumentException">The row does not have one cell per column.</exception>
    public void Add(params string[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"A row needs {columns.Length} cells, not {cells.Length}.", nameof(cells));
        _rows.Add(cells);
    }

    /// <summary>
    /// The header line, then one line per row, in the order added; nothing when no row was added. A last column empty
    /// in every row is left out, header included.
    /// </summary>
    public IEnumerable<string> Lines() => Lines(_ => []);

    /// <summary>
    /// As <see cref="Lines()"/>, with the lines <paramref name="under"/> gives for a row (by its index) printed right
    /// after it: details such as a partition's issues, which are not cells and do not widen the columns.
    /// </summary>
    public IEnumerable<string> Lines(Func<int, IEnumerable<string>> under)
    {
        if (_rows.Count == 0) yield break;
        int shown = _rows.All(row => row[^1].Length == 0) ? columns.Length - 1 : columns.Length;
        int[] widths = [.. columns.Select((column, i) => Math.Max(column.Header.Length, _rows.Max(row => row[i].Length)))];
        yield return Line([.. columns.Select(c => c.Header)], widths, shown);
        for (int i = 0; i < _rows.Count; i++)
        {
            yield return Line(_rows[i], widths, shown);
            foreach (string line in under(i)) yield return line;
        }
    }

    private string Line(string[] cells, int[] widths, int shown)
    {
        IEnumerable<string> padded = cells.Take(shown).Select((cell, i) =>
            columns[i].AlignRight ? cell.PadLeft(widths[i]) : i == shown - 1 ? cell : cell.PadRight(widths[i]));
        return string.Join(Gap, padded).TrimEnd();
    }
}
