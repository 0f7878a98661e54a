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
        Prefix = "t-" + Guid.NewGuid().ToString("N"),
        Endpoint = Endpoint(),
        Anonymous = true,
        ChunkSize = chunkSize,
    };
}
