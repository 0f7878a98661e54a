using System.Diagnostics;
using System.Security.Cryptography;
using Bronze.Benchmarks.Codecs;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Stellar;

namespace Bronze.Benchmarks.Stellar;

/// <summary>
/// LedgerCloseMeta decoding throughput against SHA-256 of the same bytes (computed for every row anyway), interleaved
/// ledger by ledger in one thread so that load from other processes hits every figure alike: header only, header and
/// counts (the transaction set walked), the whole row (<see cref="LedgerCloseMetaDecoder.Decode"/>, its SHA-256 and hex
/// strings included), <see cref="LedgerCloseMetaDecoder.MeasureLength"/> (every value walked), and a lake batch's two
/// ways to decode a ledger whose end it must find: <see cref="LedgerCloseMetaDecoder.MeasureLength"/> then
/// <see cref="LedgerCloseMetaDecoder.Decode"/> (two walks), against <see cref="LedgerCloseMetaDecoder.DecodeFirst"/> (one).
/// On synthetic ledgers of both eras and, when shared/data/stellar is there, on the real protocol 25 load test (1.15 MB
/// per ledger).
/// </summary>
public sealed class DecodeThroughputRun : IThroughputRun
{
    /// <inheritdoc/>
    public string Name => "stellar-decode";

    /// <inheritdoc/>
    public string Description => "LedgerCloseMeta decode MB/s (header, header+counts, row, full walk; measure+decode vs DecodeFirst) vs SHA-256 of the same bytes";

    /// <inheritdoc/>
    public Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        if (!ThreadCpuClock.IsAvailable)
        {
            Console.Error.WriteLine("This run needs Linux's per-thread CPU clock.");
            return Task.FromResult(2);
        }

        double seconds = quick ? 0.05 : 3.0;
        int count = quick ? 20 : 1000;
        Console.WriteLine($"MB/s per CPU-second of the measuring thread, MB = 10^6 bytes of XDR, at least {seconds} s per data set");
        Console.WriteLine($"{"data",-32} {"MB",6} {"sha256",8} {"header",8} {"+counts",8} {"row",8} {"walk",8} {"+counts/sha",12} {"2 walks",8} {"1 walk",8} {"1 / 2",10}");
        foreach (string era in new[] { "pre_p23", "p23_plus" })
        {
            var source = new SyntheticLedgerSource();
            var dataset = new DatasetRef("pubnet", era, "v1", "ledgers_lcm_raw");
            byte[][] ledgers = [.. Enumerable.Range(1, count).Select(i => source.Create(dataset, 50_000 + i).XdrBytes.ToArray())];
            Report($"synthetic {era}, 20 KiB mean", ledgers, seconds, cancellationToken);
        }

        string real = Path.Combine(DataFolder(), "load-test-ledgers-v25-standalone.xdr.zstd");
        if (File.Exists(real)) Report("real p25 load test", RealLedgers(real, quick ? 2 : 30), seconds, cancellationToken);
        else Console.WriteLine($"{real} is missing: no real-ledger figures.");
        return Task.FromResult(0);
    }

    private static void Report(string label, byte[][] ledgers, double seconds, CancellationToken cancellationToken)
    {
        Func<byte[], int>[] actions =
        [
            xdr => SHA256.HashData(xdr)[0],
            xdr => (int)LedgerCloseMetaWalk.Read(xdr, counts: false).Header.LedgerSeq,
            xdr => LedgerCloseMetaWalk.Read(xdr, counts: true).TxCount ?? 0,
            xdr => LedgerCloseMetaDecoder.Decode(xdr).Row.TxCount ?? 0,
            xdr => LedgerCloseMetaDecoder.MeasureLength(xdr),
            xdr => LedgerCloseMetaDecoder.Decode(xdr.AsMemory(0, LedgerCloseMetaDecoder.MeasureLength(xdr))).Row.TxCount ?? 0,
            xdr => LedgerCloseMetaDecoder.DecodeFirst(xdr).Row.TxCount ?? 0,
        ];
        double[] cpu = new double[actions.Length];
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (byte[] xdr in ledgers)
            {
                for (int i = 0; i < actions.Length; i++)
                {
                    double start = ThreadCpuClock.Now();
                    actions[i](xdr);
                    cpu[i] += ThreadCpuClock.Now() - start;
                }

                bytes += xdr.Length;
            }
        }
        while (clock.Elapsed.TotalSeconds < seconds);

        double[] rates = [.. cpu.Select(c => bytes / c / 1e6)];
        Console.WriteLine($"{label,-32} {ledgers.Sum(l => (long)l.Length) / 1e6,6:F1} {rates[0],8:F0} {rates[1],8:F0} {rates[2],8:F0} {rates[3],8:F0} {rates[4],8:F0} {rates[2] / rates[0],11:F1}x"
            + $" {rates[5],8:F0} {rates[6],8:F0} {rates[6] / rates[5],9:F2}x");
    }

    private static byte[][] RealLedgers(string path, int count)
    {
        using var file = File.OpenRead(path);
        using var zstd = new Bronze.Parquet.Compression.Zstd.ZstdDecompressionStream(file);
        using var all = new MemoryStream();
        zstd.CopyTo(all);
        byte[] stream = all.ToArray();
        var ledgers = new List<byte[]>();
        for (int at = 0; at < stream.Length && ledgers.Count < count;)
        {
            // Record marking: the last-fragment bit, then the length.
            int length = (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(stream.AsSpan(at)) & 0x7FFFFFFF);
            ledgers.Add(stream[(at + 4)..(at + 4 + length)]);
            at += 4 + length;
        }

        return [.. ledgers];
    }

    private static string DataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bronze.sln"))) return Path.Combine(dir.FullName, "..", "shared", "data", "stellar");
        }

        return "/work/shared/data/stellar";
    }
}
