using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bronze.Verification;

/// <summary>
/// Checks manifest JSON against <c>schemas/manifest.schema.json</c> (embedded in this assembly), so the schema file
/// stays the one statement of the rules. It interprets the part of JSON Schema draft-07 that file uses: type, const,
/// enum, required, properties, additionalProperties, propertyNames, minProperties, pattern, minimum, format date-time
/// and local <c>$ref</c>s; an unknown keyword there fails loudly rather than being skipped.
/// </summary>
internal sealed class ManifestSchemaValidator
{
    private const string ResourceName = "Bronze.Schemas.manifest.schema.json";

    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "definitions"];

    private readonly JsonElement _root;

    private ManifestSchemaValidator(JsonElement root) => _root = root;

    public static ManifestSchemaValidator Instance { get; } = Load();

    /// <summary>The rules <paramref name="json"/> breaks, as <c>path: rule</c> lines; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(ReadOnlySpan<byte> json)
    {
        var errors = new List<string>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(json.ToArray());
            Check(_root, document.RootElement, "$", errors);
        }
        catch (JsonException e)
        {
            errors.Add($"$: is not valid JSON ({e.Message})");
        }

        return errors;
    }

    private static ManifestSchemaValidator Load()
    {
        using Stream stream = typeof(ManifestSchemaValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from this build.");
        using JsonDocument document = JsonDocument.Parse(stream);
        return new ManifestSchemaValidator(document.RootElement.Clone());
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (JsonProperty keyword in schema.EnumerateObject())
        {
            JsonElement rule = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    Check(Resolve(rule.GetString()!), value, path, errors);
                    break;
                case "type":
                    if (!HasType(value, rule.GetString()!)) errors.Add($"{path}: must be of type {rule.GetString()}");
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(value, rule)) errors.Add($"{path}: must be {rule.GetRawText()}");
                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(option => JsonElement.DeepEquals(value, option)))
                        errors.Add($"{path}: must be one of {rule.GetRawText()}");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, rule.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                        errors.Add($"{path}: must match {rule.GetString()}");
                    break;
                case "minimum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDecimal() < rule.GetDecimal())
                        errors.Add($"{path}: must be at least {rule.GetRawText()}");
                    break;
                case "format":
                    if (rule.GetString() == "date-time" && value.ValueKind == JsonValueKind.String && !IsDateTime(value.GetString()!))
                        errors.Add($"{path}: must be an RFC 3339 date-time");
                    break;
                case "required":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonElement name in rule.EnumerateArray())
                        {
                            if (!value.TryGetProperty(name.GetString()!, out _)) errors.Add($"{path}: must have property {name.GetString()}");
                        }
                    }

                    break;
                case "minProperties":
                    if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Count() < rule.GetInt32())
                        errors.Add($"{path}: must have at least {rule.GetInt32()} properties");
                    break;
                case "properties":
                case "additionalProperties":
                case "propertyNames":
                    break; // checked together below
                default:
                    if (!Annotations.Contains(keyword.Name))
                        throw new InvalidOperationException($"The manifest schema uses keyword '{keyword.Name}', which this validator does not implement.");
                    break;
            }
        }

        if (value.ValueKind == JsonValueKind.Object) CheckProperties(schema, value, path, errors);
    }

    private void CheckProperties(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        bool hasProperties = schema.TryGetProperty("properties", out JsonElement properties);
        bool hasAdditional = schema.TryGetProperty("additionalProperties", out JsonElement additional);
        bool hasNames = schema.TryGetProperty("propertyNames", out JsonElement names);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            string child = $"{path}.{property.Name}";
            if (hasNames) Check(names, JsonSerializer.SerializeToElement(property.Name, ValidatorJsonContext.Default.String), child + " (name)", errors);
            if (hasProperties && properties.TryGetProperty(property.Name, out JsonElement propertySchema))
                Check(propertySchema, property.Value, child, errors);
            else if (hasAdditional && additional.ValueKind == JsonValueKind.False)
                errors.Add($"{child}: is not allowed (no additional properties)");
            else if (hasAdditional && additional.ValueKind == JsonValueKind.Object)
                Check(additional, property.Value, child, errors);
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
            throw new InvalidOperationException($"The manifest schema uses a non-local $ref '{reference}'.");
        JsonElement node = _root;
        foreach (string part in reference[2..].Split('/')) node = node.GetProperty(part);
        return node;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal d) && decimal.Truncate(d) == d,
        _ => throw new InvalidOperationException($"The manifest schema uses type '{type}', which this validator does not know."),
    };

    private static bool IsDateTime(string text) =>
        text.Length >= 20 && text[10] is 'T' or 't'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
}
