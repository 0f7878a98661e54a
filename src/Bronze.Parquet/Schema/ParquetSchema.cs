namespace Bronze.Parquet.Schema;

/// <summary>
/// A flat table schema: an ordered list of columns, validated on construction (names present and unique, every
/// logical type on a physical type that can hold it, FIXED_LEN_BYTE_ARRAY with a positive length, a page size of at
/// least 1024 bytes where one is given).
/// </summary>
public sealed class ParquetSchema
{
    /// <summary>The smallest page size a column or the writer takes, in bytes.</summary>
    internal const int MinPageSize = 1024;

    private readonly ParquetColumn[] _columns;

    /// <summary>Creates a schema.</summary>
    /// <param name="columns">The columns, in file order; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ParquetException">The columns break a rule; the message names the column and the rule.</exception>
    public ParquetSchema(IEnumerable<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        if (_columns.Length == 0) throw new ParquetException("A Parquet schema needs at least one column.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ParquetColumn column in _columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            Validate(column);
            if (!names.Add(column.Name)) throw new ParquetException($"Column '{column.Name}' appears twice: column names must be unique.");
        }
    }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<ParquetColumn> Columns => _columns;

    /// <summary>The index of the column named <paramref name="name"/> (ordinal comparison), or -1.</summary>
    /// <param name="name">The column name.</param>
    public int IndexOf(string name) => Array.FindIndex(_columns, c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static void Validate(ParquetColumn column)
    {
        if (string.IsNullOrEmpty(column.Name)) throw new ParquetException("A column has no name: every column needs a non-empty name.");
        if (!Enum.IsDefined(column.PhysicalType))
        {
            throw new ParquetException($"Column '{column.Name}': physical type {(int)column.PhysicalType} is not a Parquet type.");
        }

        if (column.PhysicalType == ParquetPhysicalType.FixedLenByteArray)
        {
            if (column.TypeLength is not > 0)
            {
                throw new ParquetException($"Column '{column.Name}': FIXED_LEN_BYTE_ARRAY needs a positive type length.");
            }
        }
        else if (column.TypeLength is not null)
        {
            throw new ParquetException($"Column '{column.Name}': a type length is only allowed on FIXED_LEN_BYTE_ARRAY.");
        }

        if (column.PageSize is < MinPageSize)
        {
            throw new ParquetException($"Column '{column.Name}': page size {column.PageSize} is below the minimum of {MinPageSize} bytes.");
        }

        if (column.LogicalType is not { } logical) return;
        ParquetPhysicalType needed = logical.Kind switch
        {
            ParquetLogicalKind.String => ParquetPhysicalType.ByteArray,
            ParquetLogicalKind.Timestamp => ParquetPhysicalType.Int64,
            ParquetLogicalKind.Integer when logical.BitWidth is 8 or 16 or 32 => ParquetPhysicalType.Int32,
            ParquetLogicalKind.Integer when logical.BitWidth is 64 => ParquetPhysicalType.Int64,
            _ => throw new ParquetException($"Column '{column.Name}': logical type {logical} is not one Bronze writes."),
        };
        if (column.PhysicalType != needed)
        {
            throw new ParquetException(
                $"Column '{column.Name}': logical type {logical.Kind} needs physical type {needed}, not {column.PhysicalType}.");
        }
    }
}
