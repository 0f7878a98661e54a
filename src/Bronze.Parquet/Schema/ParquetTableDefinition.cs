using System.Text.Json;

namespace Bronze.Parquet.Schema;

/// <summary>
/// A table defined in JSON (the files under <c>schemas/</c>, e.g. <c>ledgers_lcm_raw.v1.json</c>): its name, version
/// and columns. Column <c>type</c> is one of <c>boolean</c>, <c>int8</c>, <c>int16</c>, <c>int32</c>, <c>int64</c>,
/// <c>uint8</c>, <c>uint16</c>, <c>uint32</c>, <c>uint64</c>, <c>double</c>, <c>string</c>, <c>binary</c>,
/// <c>fixed</c> (with <c>length</c>) or <c>timestamp</c> (with <c>unit</c> <c>millis</c>|<c>micros</c> and <c>utc</c>,
/// default true). Optional per column: <c>nullable</c> (default false), <c>dictionary</c> (default false),
/// <c>statistics</c> (default true), <c>page_size</c> (bytes, at least 1024; default: the writer's page size, see
/// <see cref="ParquetColumn.PageSize"/>), <c>description</c>.
/// </summary>
/// <param name="Name">The table name.</param>
/// <param name="Version">The table definition's version.</param>
/// <param name="Schema">The columns as a Parquet schema.</param>
public sealed record ParquetTableDefinition(string Name, int Version, ParquetSchema Schema)
{
    /// <summary>Reads a table definition from a stream of UTF-8 JSON.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ParquetException">The JSON is malformed or breaks a rule; the message names the column and field.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParquetTableDefinition> LoadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Parses a table definition from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ParquetException">The JSON is malformed or breaks a rule; the message names the column and field.</exception>
    public static ParquetTableDefinition Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new ParquetException($"Table definition: not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ParquetException("Table definition: the root must be a JSON object.");
            string name = RequiredString(root, "table", "table definition");
            int version = root.TryGetProperty("version", out JsonElement v) && v.TryGetInt32(out int parsed) && parsed > 0
                ? parsed
                : throw new ParquetException("Table definition: 'version' must be a positive integer.");
            if (!root.TryGetProperty("columns", out JsonElement columns) || columns.ValueKind != JsonValueKind.Array)
            {
                throw new ParquetException("Table definition: 'columns' must be an array.");
            }

            return new ParquetTableDefinition(name, version, new ParquetSchema(columns.EnumerateArray().Select(ParseColumn).ToList()));
        }
    }

    private static ParquetColumn ParseColumn(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new ParquetException($"Table definition: column {index} must be an object.");
        string name = RequiredString(element, "name", $"column {index}");
        string where = $"column '{name}'";
        string type = RequiredString(element, "type", where);
        var column = type switch
        {
            "boolean" => new ParquetColumn(name, ParquetPhysicalType.Boolean),
            "int8" or "int16" or "uint8" or "uint16" or "uint32" => new ParquetColumn(
                name, ParquetPhysicalType.Int32, LogicalType: ParquetLogicalType.Integer(int.Parse(type.TrimStart('u', 'i', 'n', 't'), System.Globalization.CultureInfo.InvariantCulture), !type.StartsWith('u'))),
            "int32" => new ParquetColumn(name, ParquetPhysicalType.Int32),
            "int64" => new ParquetColumn(name, ParquetPhysicalType.Int64),
            "uint64" => new ParquetColumn(name, ParquetPhysicalType.Int64, LogicalType: ParquetLogicalType.Integer(64, isSigned: false)),
            "double" => new ParquetColumn(name, ParquetPhysicalType.Double),
            "string" => new ParquetColumn(name, ParquetPhysicalType.ByteArray, LogicalType: ParquetLogicalType.String),
            "binary" => new ParquetColumn(name, ParquetPhysicalType.ByteArray),
            "fixed" => new ParquetColumn(name, ParquetPhysicalType.FixedLenByteArray, TypeLength: RequiredLength(element, where)),
            "timestamp" => new ParquetColumn(name, ParquetPhysicalType.Int64, LogicalType: Timestamp(element, where)),
            _ => throw new ParquetException($"Table definition, {where}: type '{type}' is not one of boolean, int8, int16, int32, int64, uint8, uint16, uint32, uint64, double, string, binary, fixed, timestamp."),
        };
        return column with
        {
            IsNullable = OptionalBool(element, "nullable", where, false),
            Dictionary = OptionalBool(element, "dictionary", where, false),
            Statistics = OptionalBool(element, "statistics", where, true),
            PageSize = OptionalPageSize(element, where),
        };
    }

    private static ParquetLogicalType Timestamp(JsonElement element, string where)
    {
        string unit = RequiredString(element, "unit", where);
        ParquetTimeUnit parsed = unit switch
        {
            "millis" => ParquetTimeUnit.Millis,
            "micros" => ParquetTimeUnit.Micros,
            _ => throw new ParquetException($"Table definition, {where}: 'unit' must be millis or micros, not '{unit}'."),
        };
        return ParquetLogicalType.Timestamp(parsed, OptionalBool(element, "utc", where, true));
    }

    private static int RequiredLength(JsonElement element, string where) =>
        element.TryGetProperty("length", out JsonElement length) && length.TryGetInt32(out int value) && value > 0
            ? value
            : throw new ParquetException($"Table definition, {where}: a fixed column needs a positive integer 'length'.");

    private static int? OptionalPageSize(JsonElement element, string where)
    {
        if (!element.TryGetProperty("page_size", out JsonElement value)) return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int bytes) && bytes >= ParquetSchema.MinPageSize
            ? bytes
            : throw new ParquetException($"Table definition, {where}: 'page_size' must be an integer of at least {ParquetSchema.MinPageSize} bytes.");
    }

    private static string RequiredString(JsonElement element, string property, string where) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ParquetException($"Table definition, {where}: '{property}' must be a non-empty string.");

    private static bool OptionalBool(JsonElement element, string property, string where, bool fallback)
    {
        if (!element.TryGetProperty(property, out JsonElement value)) return fallback;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ParquetException($"Table definition, {where}: '{property}' must be true or false."),
        };
    }
}
