using System.Reflection;
using System.Text.Json.Serialization;

namespace Bronze.Manifests;

/// <summary>What wrote a partition: the producer's version and the source revision it was built from.</summary>
public sealed record ManifestProducer
{
    // Read on first use rather than in the type's initializer: the same value, and code run by a type initializer is
    // mutation-tested by running every test that touches the type, which took longer than the mutation test's timeout.
    private static readonly Lazy<ManifestProducer> CurrentBuild = new(() => FromInformationalVersion(
        typeof(ManifestProducer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion));

    /// <summary>The producer and its version, e.g. <c>bronze-copier@v0.1.0</c>.</summary>
    [JsonRequired]
    public required string Version { get; init; }

    /// <summary>The git commit the producer was built from, or <c>unknown</c>.</summary>
    [JsonRequired]
    public required string GitSha { get; init; }

    /// <summary>This build of Bronze, read from the assembly's informational version (<c>0.1.0+sha</c>).</summary>
    public static ManifestProducer Current => CurrentBuild.Value;

    internal static ManifestProducer FromInformationalVersion(string? informationalVersion)
    {
        string text = string.IsNullOrEmpty(informationalVersion) ? "0.0.0" : informationalVersion;
        int plus = text.IndexOf('+', StringComparison.Ordinal);
        string version = plus < 0 ? text : text[..plus];
        string sha = plus < 0 || plus == text.Length - 1 ? "unknown" : text[(plus + 1)..];
        return new ManifestProducer { Version = $"bronze-copier@v{version}", GitSha = sha };
    }
}
