using Bronze.Testing;

namespace Bronze.Gcs.Tests.Emulator;

/// <summary>The Cloud Storage emulator that test-servers/gcs/start.sh runs, and stores on fresh prefixes of it.</summary>
internal static class GcsEmulator
{
    /// <summary>The bucket the tests write to; the emulator creates buckets on first use.</summary>
    public const string Bucket = "bronze-tests";

    /// <summary>The emulator's root URL; skips the test (fails under CI) when it is not running.</summary>
    public static Uri Endpoint() =>
        new(TestServer.Require("BRONZE_TEST_GCS_ENDPOINT", "The Cloud Storage emulator (test-servers/gcs)").TrimEnd('/') + "/");

    /// <summary>A store on a prefix no other test uses.</summary>
    public static GcsStore NewStore(int chunkSize = GcsStoreOptions.DefaultChunkSize) => new(Options(chunkSize));

    /// <summary>Options for a store on a prefix no other test uses.</summary>
    public static GcsStoreOptions Options(int chunkSize = GcsStoreOptions.DefaultChunkSize) => new()
    {
        Bucket = Bucket,
        Root = "t-" + Guid.NewGuid().ToString("N"),
        Endpoint = Endpoint(),
        Anonymous = true,
        ChunkSize = chunkSize,
    };

    /// <summary>
    /// How many upload sessions of one object are active and cancelled, and how many committed after checking a crc32c
    /// the client sent (a hook of the test launcher).
    /// </summary>
    public static async Task<SessionCounts> SessionsAsync(GcsStoreOptions options, string key, CancellationToken cancellationToken)
    {
        string name = Storage.ObjectKey.Join(options.Root, key);
        using var http = new HttpClient();
        string json = await http.GetStringAsync(
            new Uri(Endpoint(), $"_bronze/upload-sessions?bucket={Uri.EscapeDataString(options.Bucket)}&name={Uri.EscapeDataString(name)}"), cancellationToken);
        using var counts = System.Text.Json.JsonDocument.Parse(json);
        System.Text.Json.JsonElement root = counts.RootElement;
        // A launcher started before it counted checked crc32c values answers without the count: 0, as it checked none.
        int crc32CChecked = root.TryGetProperty("crc32cChecked", out System.Text.Json.JsonElement checkedCount) ? checkedCount.GetInt32() : 0;
        return new SessionCounts(root.GetProperty("active").GetInt32(), root.GetProperty("cancelled").GetInt32(), crc32CChecked);
    }

    /// <summary>Upload sessions of one object by state, and the committed ones whose client crc32c the server checked.</summary>
    public sealed record SessionCounts(int Active, int Cancelled, int Crc32CChecked = 0);
}
