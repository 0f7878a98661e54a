namespace Bronze.Parquet.Tests.Compression;

/// <summary>The real Stellar files in shared/data/stellar beside the checkout (see its README), with the SHA-256 of
/// their decompressed bytes as the zstd CLI (1.5.4) gives them.</summary>
internal static class StellarData
{
    /// <summary>shared/data/stellar next to the repository root (BRONZE_STELLAR_DATA overrides).</summary>
    public static readonly string Folder = FindFolder();

    /// <summary>A zstd frame without a content size: 3 LedgerCloseMeta records, 3,666,184 bytes decompressed.</summary>
    public static string LoadTestFile => Path.Combine(Folder, "load-test-ledgers-v23-standalone.xdr.zstd");

    public const string LoadTestSha256 = "15b6675cfa0e4a56ea6acbf60f6fd6d8da5242682f54c5ef49a692ade0a2f6e3";

    public const int LoadTestLength = 3_666_184;

    public static TheoryData<string, string> DatastoreFiles() => new()
    {
        { "FFFFFC18--999.xdr.zst", "8539bedd24ac801b68705abf756404eb7aa266fadf64477b10fe4bc6f8907a50" },
        { "FFFFFC19--998.xdr.zst", "76d58097d5dc36ba9821898c33a5e5f7afced4318afa4a7ec75391cee10f4b83" },
        { "FFFFFC1A--997.xdr.zst", "a1b7e95f6fc8a2b22bcefaa520dd9944bc2b25c26d871cb850ca4f9784f2f65b" },
    };

    public static string DatastorePath(string name) => Path.Combine(Folder, "testnet-datastore", name);

    /// <summary>Skips (fails under CI) when the data folder is absent.</summary>
    public static void Require()
    {
        if (Directory.Exists(Folder)) return;
        string reason = $"The Stellar test data folder {Folder} is missing.";
        if (Bronze.Testing.TestServer.IsCi) Assert.Fail(reason);
        Assert.Skip(reason);
    }

    private static string FindFolder()
    {
        string? configured = Environment.GetEnvironmentVariable("BRONZE_STELLAR_DATA");
        if (!string.IsNullOrEmpty(configured)) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bronze.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "stellar"));
        }

        return "/work/shared/data/stellar";
    }
}
