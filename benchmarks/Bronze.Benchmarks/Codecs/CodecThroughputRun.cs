using System.Diagnostics;
using Bronze.Parquet;
using Bronze.Parquet.Compression;

namespace Bronze.Benchmarks.Codecs;

/// <summary>
/// Compression and decompression throughput of every page codec on 1 MiB pages of XDR-like data, with Google's
/// reference Snappy (C++) measured in the same run as the limit for the SNAPPY codec (Snappier).
/// </summary>
public sealed class CodecThroughputRun : IThroughputRun
{
    private const int PageSize = 1 << 20;

    /// <inheritdoc/>
    public string Name => "codecs";

    /// <inheritdoc/>
    public string Description => "page codecs on 1 MiB XDR-like pages, MB/s and ratio; Snappier vs libsnappy (C++)";

    /// <inheritdoc/>
    public Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        if (!ThreadCpuClock.IsAvailable)
        {
            Console.Error.WriteLine("This run needs Linux's per-thread CPU clock.");
            return Task.FromResult(2);
        }

        int pageCount = quick ? 2 : 32;
        double seconds = quick ? 0.05 : 2.0;
        byte[][] pages = [.. Enumerable.Range(0, pageCount).Select(i => XdrLikeData.Generate(PageSize, seed: i + 1))];
        var output = new byte[PageSize * 2];
        var roundTrip = new byte[PageSize];
        Console.WriteLine($"{pageCount} pages of {PageSize} bytes, at least {seconds} s per figure; MB = 10^6 bytes");
        Console.WriteLine("MB/s per CPU-second of the measuring thread (wall-clock MB/s in brackets: lower when the machine is busy)");
        Console.WriteLine($"{"codec",-22} {"ratio",7} {"compress MB/s",20} {"decompress MB/s",20}");

        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        (ParquetCodec Codec, int? Level, string Label)[] codecs =
        [
            (ParquetCodec.Uncompressed, null, "uncompressed"),
            (ParquetCodec.Snappy, null, "snappy (Snappier)"),
            (ParquetCodec.Zstd, 1, "zstd-1"),
            (ParquetCodec.Zstd, 3, "zstd-3 (default)"),
            (ParquetCodec.Gzip, 1, "gzip-1"),
            (ParquetCodec.Gzip, null, "gzip-6 (default)"),
            (ParquetCodec.Brotli, 1, "brotli-1"),
            (ParquetCodec.Brotli, null, "brotli-4 (default)"),
        ];
        foreach ((ParquetCodec codec, int? level, string label) in codecs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using IPageCompressor compressor = PageCodecs.CreateCompressor(codec, level);
            using IPageDecompressor decompressor = PageCodecs.CreateDecompressor(codec);
            long compressedBytes = pages.Sum(page => (long)compressor.Compress(page, output));
            (double compressWall, double compress) = Measure(pages, seconds, page => compressor.Compress(page, output));
            int lastLength = compressor.Compress(pages[^1], output);
            (double decompressWall, double decompress) = Measure(
                pages, seconds, _ => decompressor.Decompress(output.AsSpan(0, lastLength), roundTrip));
            if (!roundTrip.AsSpan().SequenceEqual(pages[^1])) throw new InvalidOperationException($"{label} did not round-trip.");
            figures[label] = compress;
            Console.WriteLine($"{label,-22} {(double)pageCount * PageSize / compressedBytes,7:F2} " +
                              $"{compress,10:F0} ({compressWall,6:F0}) {decompress,10:F0} ({decompressWall,6:F0})");
        }

        using ReferenceSnappyCompressor? reference = ReferenceSnappyCompressor.TryLoad();
        if (reference is null)
        {
            Console.WriteLine("libsnappy.so.1 is not installed (apt-get install libsnappy1v5): no reference figure.");
        }
        else
        {
            // Interleaved, page by page, so that load from other processes hits both sides alike.
            using IPageCompressor snappy = PageCodecs.CreateCompressor(ParquetCodec.Snappy);
            long compressedBytes = pages.Sum(page => (long)reference.Compress(page, output));
            (double ours, double theirs) = MeasurePair(
                pages, seconds * 2, page => snappy.Compress(page, output), page => reference.Compress(page, output));
            Console.WriteLine($"{"snappy (libsnappy C++)",-22} {(double)pageCount * PageSize / compressedBytes,7:F2}");
            Console.WriteLine($"compression, interleaved: Snappier {ours:F0} MB/s, libsnappy {theirs:F0} MB/s: {ours / theirs:F2}x");
            using IPageDecompressor unsnappy = PageCodecs.CreateDecompressor(ParquetCodec.Snappy);
            int length = snappy.Compress(pages[^1], output);
            (ours, theirs) = MeasurePair(
                pages, seconds * 2, _ => unsnappy.Decompress(output.AsSpan(0, length), roundTrip), _ => reference.Uncompress(output.AsSpan(0, length), roundTrip));
            Console.WriteLine($"decompression, interleaved: Snappier {ours:F0} MB/s, libsnappy {theirs:F0} MB/s: {ours / theirs:F2}x");
        }

        Console.WriteLine($"snappy / zstd-1 compression speed: {figures["snappy (Snappier)"] / figures["zstd-1"]:F2}x; " +
                          $"snappy / zstd-3: {figures["snappy (Snappier)"] / figures["zstd-3 (default)"]:F2}x");
        return Task.FromResult(0);
    }

    /// <summary>Alternates <paramref name="first"/> and <paramref name="second"/> page by page, so that load from other
    /// processes hits both alike; MB per CPU-second of the thread for each.</summary>
    private static (double First, double Second) MeasurePair(
        byte[][] pages, double seconds, Func<byte[], int> first, Func<byte[], int> second)
    {
        foreach (byte[] page in pages)
        {
            first(page);
            second(page);
        }

        long bytes = 0;
        double firstCpu = 0;
        double secondCpu = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (byte[] page in pages)
            {
                double start = ThreadCpuClock.Now();
                first(page);
                double middle = ThreadCpuClock.Now();
                second(page);
                secondCpu += ThreadCpuClock.Now() - middle;
                firstCpu += middle - start;
                bytes += page.Length;
            }
        }

        return (bytes / firstCpu / 1e6, bytes / secondCpu / 1e6);
    }

    /// <summary>Runs <paramref name="action"/> over the pages, round after round, for at least <paramref name="seconds"/>
    /// of wall time; MB of input per wall-second and per CPU-second of the thread.</summary>
    private static (double Wall, double Cpu) Measure(byte[][] pages, double seconds, Func<byte[], int> action)
    {
        foreach (byte[] page in pages) action(page);
        long bytes = 0;
        double cpuStart = ThreadCpuClock.Now();
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (byte[] page in pages)
            {
                action(page);
                bytes += page.Length;
            }
        }
        while (clock.Elapsed.TotalSeconds < seconds);

        double cpu = ThreadCpuClock.Now() - cpuStart;
        return (bytes / clock.Elapsed.TotalSeconds / 1e6, bytes / cpu / 1e6);
    }
}
