using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Footer;

/// <summary>
/// One element of a file's schema tree as the footer records it: a group (with <see cref="Children"/>) or a leaf
/// column (with a <see cref="PhysicalType"/>). Any valid Parquet schema can be described, nested groups, lists and
/// maps included.
/// </summary>
/// <param name="Name">The field name (the root's name is the writer's choice, e.g. <c>schema</c>).</param>
/// <param name="Repetition">Required, optional or repeated; null for the root, which has none.</param>
/// <param name="PhysicalType">For leaves: how values are stored; null for groups.</param>
/// <param name="Children">For groups: the fields, in order; empty for leaves.</param>
public sealed record ParquetSchemaNode(
    string Name,
    ParquetRepetition? Repetition,
    ParquetPhysicalType? PhysicalType,
    IReadOnlyList<ParquetSchemaNode> Children)
{
    /// <summary>For FIXED_LEN_BYTE_ARRAY leaves: the length in bytes.</summary>
    public int? TypeLength { get; init; }

    /// <summary>The legacy type annotation, when recorded.</summary>
    public ParquetConvertedType? ConvertedType { get; init; }

    /// <summary>The logical type, when recorded.</summary>
    public ParquetTypeAnnotation? LogicalType { get; init; }

    /// <summary>The legacy decimal scale, when recorded.</summary>
    public int? Scale { get; init; }

    /// <summary>The legacy decimal precision, when recorded.</summary>
    public int? Precision { get; init; }

    /// <summary>The field id (set by Iceberg and other table formats), when recorded.</summary>
    public int? FieldId { get; init; }

    /// <summary>Whether this is a group (no physical type) rather than a leaf column.</summary>
    public bool IsGroup => PhysicalType is null;
}
