namespace Bronze.Parquet.Footer;

/// <summary>A leaf of the schema tree: one column whose chunks the row groups hold, in schema order.</summary>
/// <param name="Path">The names from the root's child down to the leaf (the chunks' path_in_schema).</param>
/// <param name="Node">The leaf's schema element.</param>
/// <param name="MaxDefinitionLevel">The number of optional or repeated fields on the path (0: never null).</param>
/// <param name="MaxRepetitionLevel">The number of repeated fields on the path (0: one value per row).</param>
public sealed record ParquetLeafColumn(IReadOnlyList<string> Path, ParquetSchemaNode Node, int MaxDefinitionLevel, int MaxRepetitionLevel)
{
    /// <summary>The path joined with dots, e.g. <c>tags.list.element</c>.</summary>
    public string DottedPath => string.Join('.', Path);
}
