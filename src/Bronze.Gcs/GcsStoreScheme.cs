using Bronze.Locations;
using Bronze.Storage;

namespace Bronze.Gcs;

/// <summary>Opens <c>gs://bucket/root</c> locations as <see cref="GcsStore"/>s; register it in <see cref="StoreSchemes"/>.</summary>
/// <remarks>
/// From the <see cref="StoreEnvironment"/>: the location default <see cref="GcsStoreOptions.BucketVariable"/> (for
/// <c>gs://</c> alone) and the client variable <see cref="GcsStoreOptions.EmulatorHostVariable"/>, which sends every
/// request to an emulator without credentials. Otherwise credentials are Google's application default credentials.
/// </remarks>
public sealed class GcsStoreScheme : IStoreScheme
{
    /// <summary>The scheme's name: <c>gs</c>.</summary>
    public const string Scheme = "gs";

    /// <summary>The one instance.</summary>
    public static GcsStoreScheme Instance { get; } = new();

    /// <inheritdoc />
    public string Name => Scheme;

    /// <inheritdoc />
    public string Example => "gs://bucket/root";

    /// <inheritdoc />
    public IObjectStore Open(StoreLocation location, StoreEnvironment environment) => new GcsStore(GcsUrl.Parse(location, environment));
}
