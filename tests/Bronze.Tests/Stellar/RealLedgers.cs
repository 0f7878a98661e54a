using System.Buffers.Binary;
using Shared = Bronze.Testing.Galexie.RealLedgers;

namespace Bronze.Tests.Stellar;

/// <summary>
/// The real LedgerCloseMeta XDR in shared/data/stellar (see its README): testnet ledgers 997-999 (v1, protocol 20, one
/// per galexie batch), and the load-test streams of protocols 22, 23 and 25 (record-marked, not batches).
/// </summary>
internal static class RealLedgers
{
    /// <summary>shared/data/stellar next to the repository root (BRONZE_STELLAR_DATA overrides).</summary>
    public static readonly string Folder = Shared.Folder;

    public static readonly string[] BatchFiles = ["FFFFFC1A--997.xdr.zst", "FFFFFC19--998.xdr.zst", "FFFFFC18--999.xdr.zst"];

    public static readonly string[] StreamFiles =
        ["load-test-ledgers-v22-standalone.xdr.zstd", "load-test-ledgers-v23-standalone.xdr.zstd", "load-test-ledgers-v25-standalone.xdr.zstd"];

    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Xdr)>> Loaded = new(Load);

    /// <summary>Every real LedgerCloseMeta, named by file and index. Skips (fails under CI) without the data folder.</summary>
    public static IReadOnlyList<(string Name, byte[] Xdr)> All()
    {
        Shared.Require();
        return Loaded.Value;
    }

    /// <summary>A copy of one ledger's XDR, which the caller may change.</summary>
    public static byte[] Get(string name) => [.. All().Single(l => l.Name == name).Xdr];

    public static TheoryData<string> Names()
    {
        Shared.Require();
        return [.. Loaded.Value.Select(l => l.Name)];
    }

    private static List<(string Name, byte[] Xdr)> Load()
    {
        var all = new List<(string, byte[])>();
        foreach (string file in BatchFiles)
        {
            byte[] batch = Decompress(Path.Combine(Folder, "testnet-datastore", file));
            // LedgerCloseMetaBatch: startSequence, endSequence, then the array of LedgerCloseMeta (count, values).
            Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(batch.AsSpan(8)));
            all.Add((file, batch[12..]));
        }

        foreach (string file in StreamFiles)
        {
            IReadOnlyList<ReadOnlyMemory<byte>> records = Shared.Records(Decompress(Path.Combine(Folder, file)));
            for (int index = 0; index < records.Count; index++) all.Add(($"{file}#{index}", records[index].ToArray()));
        }

        return all;
    }

    public static byte[] Decompress(string path) => Shared.Decompress(path);
}
