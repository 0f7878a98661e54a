using NJsonSchema;

namespace Bronze.Tests.Manifests;

/// <summary>The manifest JSON Schema from schemas/, loaded once, as an independent check of what Bronze writes.</summary>
internal static class ManifestSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(RepositoryFile("schemas/manifest.schema.json"))).GetAwaiter().GetResult());

    /// <summary>The schema's validation errors for <paramref name="json"/>, as readable strings; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string json) =>
        [.. Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}")];

    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Bronze.sln"))) return candidate;
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
