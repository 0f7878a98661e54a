namespace Bronze.Parquet.Tests.Support;

/// <summary>The repository's <c>schemas/</c> folder, found above the test binaries.</summary>
internal static class SchemaFiles
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "schemas");
                if (File.Exists(Path.Combine(candidate, "ledgers_lcm_raw.v1.json"))) return candidate;
            }

            throw new InvalidOperationException("schemas/ not found above the test binaries.");
        }
    }
}
