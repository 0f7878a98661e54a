using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Thrift;

/// <summary>
/// Turns the footer's flat, depth-first list of schema elements (each group saying how many children follow) into a
/// tree and its leaf columns, checking what the format requires of it.
/// </summary>
internal static class SchemaTree
{
    /// <summary>The deepest nesting of groups accepted; real schemas stay far below, and the build recurses.</summary>
    public const int MaxDepth = 64;

    public static (ParquetSchemaNode Root, List<ParquetLeafColumn> Leaves) Build(IReadOnlyList<SchemaElement> elements)
    {
        if (elements.Count == 0) throw Corrupt("the schema has no root element");
        int next = 0;
        var leaves = new List<ParquetLeafColumn>();
        ParquetSchemaNode root = Node(elements, ref next, [], 0, 0, leaves, depth: 0);
        if (next != elements.Count)
            throw Corrupt($"the schema's root claims {elements[0].NumChildren ?? 0} children, but {elements.Count - next} more elements follow them");
        if (!root.IsGroup || root.Children.Count == 0) throw Corrupt("the schema's root is not a group with at least one field");
        return (root, leaves);
    }

    private static ParquetSchemaNode Node(
        IReadOnlyList<SchemaElement> elements, ref int next, List<string> path, int definition, int repetition,
        List<ParquetLeafColumn> leaves, int depth)
    {
        if (depth > MaxDepth) throw Corrupt($"the schema nests groups more than {MaxDepth} levels deep");
        SchemaElement e = elements[next++];
        bool isRoot = depth == 0;
        ParquetRepetition? repeats = isRoot ? null : e.Repetition switch
        {
            null => throw Corrupt($"schema field '{e.Name}' has no repetition type"),
            >= 0 and <= 2 => (ParquetRepetition)e.Repetition.Value,
            _ => throw Corrupt($"schema field '{e.Name}' has repetition type {e.Repetition}, not 0, 1 or 2"),
        };
        if (repeats is ParquetRepetition.Optional or ParquetRepetition.Repeated) definition++;
        if (repeats is ParquetRepetition.Repeated) repetition++;
        List<string> here = isRoot ? path : [.. path, e.Name];

        List<ParquetSchemaNode> children = [];
        ParquetPhysicalType? physical = null;
        if (e.Type is { } type && (e.NumChildren ?? 0) == 0 && !isRoot)
        {
            if (type is < 0 or > 7) throw Corrupt($"schema field '{e.Name}' has physical type {type}, not 0 to 7");
            physical = (ParquetPhysicalType)type;
        }
        else
        {
            int count = e.NumChildren ?? 0;
            if (count < 0 || count > elements.Count - next)
                throw Corrupt($"schema group '{e.Name}' claims {count} children, but only {elements.Count - next} elements follow");
            for (int i = 0; i < count; i++) children.Add(Node(elements, ref next, here, definition, repetition, leaves, depth + 1));
        }

        var node = new ParquetSchemaNode(e.Name, repeats, physical, children)
        {
            TypeLength = e.TypeLength,
            ConvertedType = e.Converted is { } c ? (ParquetConvertedType)c : null,
            LogicalType = e.Annotation,
            Scale = e.Scale,
            Precision = e.Precision,
            FieldId = e.FieldId,
        };
        if (physical is not null) leaves.Add(new ParquetLeafColumn(here, node, definition, repetition));
        return node;
    }

    private static ParquetException Corrupt(string detail) => new($"Corrupt Parquet footer: {detail}.");
}
