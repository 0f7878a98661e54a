using System.Reflection;
using Bronze.Parquet.Schema;

namespace Bronze.Copier;

/// <summary>The <c>ledgers_lcm_raw</c> v1 table, as defined once in <c>schemas/ledgers_lcm_raw.v1.json</c>.</summary>
internal static class LedgerTable
{
    private const string ResourceName = "Bronze.Schemas.ledgers_lcm_raw.v1.json";

    public static ParquetTableDefinition Definition { get; } = Load();

    public static ParquetSchema Schema => Definition.Schema;

    /// <summary>What the <c>bronze_version</c> column holds: this build's version, e.g. <c>0.1.0</c>.</summary>
    public static string BronzeVersion { get; } = (typeof(LedgerTable).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private static ParquetTableDefinition Load()
    {
        using Stream stream = typeof(LedgerTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from this build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ParquetTableDefinition.Parse(buffer.ToArray());
    }
}
