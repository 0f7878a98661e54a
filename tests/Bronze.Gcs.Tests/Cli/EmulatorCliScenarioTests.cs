using Bronze.Gcs.Tests.Emulator;
using Bronze.Locations;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Gcs.Tests.Cli;

/// <summary>The end-to-end CLI scenario on the Cloud Storage emulator (STORAGE_EMULATOR_HOST), a new bucket per store.</summary>
public sealed class EmulatorCliScenarioTests : CliStoreScenarioTests
{
    /// <summary>The emulator (a skip, or a failure under CI, when it is not running).</summary>
    private static Uri Endpoint => GcsEmulator.Endpoint();

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["STORAGE_EMULATOR_HOST"] = Endpoint.GetLeftPart(UriPartial.Authority) };

    /// <inheritdoc />
    protected override Task<string> CreateStoreAsync() => Task.FromResult("gs://cli-" + Guid.NewGuid().ToString("N")[..20]);

    /// <inheritdoc />
    protected override IObjectStore OpenStore(string location)
    {
        StoreLocation parsed = StoreLocation.Parse(location);
        return new GcsStore(new GcsStoreOptions { Bucket = parsed.Bucket, Root = parsed.Root, Endpoint = Endpoint, Anonymous = true });
    }

    /// <inheritdoc />
    protected override async Task UploadAsync(string location, string key, string path)
    {
        // The JSON API's media upload: no store writes hidden keys such as .config.json.
        StoreLocation parsed = StoreLocation.Parse(location);
        string name = ObjectKey.Join(parsed.Root, key);
        using var http = new HttpClient();
        var upload = new Uri(Endpoint, $"upload/storage/v1/b/{parsed.Bucket}/o?uploadType=media&name={Uri.EscapeDataString(name)}");
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path, Token));
        using HttpResponseMessage response = await http.PostAsync(upload, content, Token);
        response.EnsureSuccessStatusCode();
    }
}
