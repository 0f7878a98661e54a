using System.Buffers.Binary;
using Bronze.LakeWriter;
using Bronze.Parquet.Compression.Zstd;
using Bronze.Stellar;

namespace Bronze.Testing.Galexie;

/// <summary>
/// The real ledgers in shared/data/stellar (see its README): the testnet galexie files (ledgers 997-999, one per batch,
/// protocol 20) and the record-marked load-test streams of a standalone network (v22: 95 and 98; v23: 84, 85 and 88;
/// v25: 10048-10077, about 1.15 MB each).
/// </summary>
public static class RealLedgers
{
    /// <summary>The passphrase of the load tests' standalone network.</summary>
    public const string StandalonePassphrase = "Standalone Network ; February 2017";

    /// <summary>The testnet passphrase.</summary>
    public const string TestnetPassphrase = "Test SDF Network ; September 2015";

    /// <summary>shared/data/stellar next to the repository root (BRONZE_STELLAR_DATA overrides).</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>The testnet lake as it is stored (flat: no partition folder).</summary>
    public static string TestnetLake => Path.Join(Folder, "testnet-datastore");

    /// <summary>Skips (fails under CI) when the data folder is absent.</summary>
    public static void Require()
    {
        if (Directory.Exists(Folder)) return;
        string reason = $"The Stellar test data folder {Folder} is missing.";
        if (TestServer.IsCi) Assert.Fail(reason);
        Assert.Skip(reason);
    }

    /// <summary>Testnet ledgers 997, 998 and 999, each the LedgerCloseMeta inside its batch file.</summary>
    public static IReadOnlyList<LedgerXdr> Testnet()
    {
        var ledgers = new List<LedgerXdr>();
        foreach (string file in Directory.GetFiles(TestnetLake, "*.xdr.zst"))
        {
            byte[] batch = Decompress(file);
            long start = BinaryPrimitives.ReadUInt32BigEndian(batch);
            ledgers.Add(new LedgerXdr(start, batch.AsMemory(12)));
        }

        return [.. ledgers.OrderBy(l => l.Sequence)];
    }

    /// <summary>The ledgers of a record-marked load-test stream, e.g. <c>load-test-ledgers-v25-standalone.xdr.zstd</c>.</summary>
    /// <param name="name">The file's name in <see cref="Folder"/>.</param>
    public static IReadOnlyList<LedgerXdr> LoadTest(string name)
    {
        return [.. Records(Decompress(Path.Join(Folder, name)))
            .Select(meta => new LedgerXdr(LedgerCloseMetaDecoder.Decode(meta).Row.LedgerSequence, meta))];
    }

    /// <summary>The records of a record-marked XDR stream (RFC 5531: a length word whose high bit flags the last fragment).</summary>
    /// <param name="stream">The stream's bytes.</param>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Records(byte[] stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var records = new List<ReadOnlyMemory<byte>>();
        for (int offset = 0; offset < stream.Length;)
        {
            int length = (int)(BinaryPrimitives.ReadUInt32BigEndian(stream.AsSpan(offset)) & 0x7FFF_FFFF);
            records.Add(stream.AsMemory(offset + 4, length));
            offset += 4 + length;
        }

        return records;
    }

    /// <summary>The ledgers as an async sequence, for <see cref="GalexieLakeWriter"/>.</summary>
    /// <param name="ledgers">The ledgers.</param>
    public static async IAsyncEnumerable<LedgerXdr> AsAsync(IEnumerable<LedgerXdr> ledgers)
    {
        await Task.CompletedTask;
        foreach (LedgerXdr ledger in ledgers) yield return ledger;
    }

    /// <summary>A whole zstd file, decompressed as a stream (the load-test frames carry no content size).</summary>
    /// <param name="path">The file.</param>
    public static byte[] Decompress(string path)
    {
        using var zstd = new ZstdDecompressionStream(File.OpenRead(path));
        using var buffer = new MemoryStream();
        zstd.CopyTo(buffer);
        return buffer.ToArray();
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
