using System.Diagnostics;
using Bronze.Parquet;
using Bronze.Parquet.Writing;
using Bronze.Sources;

namespace Bronze.Benchmarks.Parquet.Peers;

/// <summary>
/// Bronze's writer against Parquet.Net and ParquetSharp on the same rows, zstd-3 and snappy, 128 MiB row groups, all in
/// one process: MB/s by wall clock and per CPU-second, managed heap and resident set above the rows, file size. Writers
/// alternate within each round so that load from other processes hits them alike; best round of each.
/// </summary>
internal static class WriterComparison
{
    private const long RowGroupBytes = 128L << 20;

    public static async Task RunAsync(List<LedgerRow> rows, long input, bool quick, CancellationToken cancellationToken)
    {
        LedgerColumns columns = LedgerColumns.From(rows, RowGroupBytes);
        (string Name, Func<Stream, ParquetCodec, Task> Write)[] writers =
        [
            ("Bronze.Parquet", (stream, codec) => WriteBronzeAsync(rows, stream, codec, cancellationToken)),
            ("ParquetSharp 25.0.1.2", (stream, codec) =>
            {
                ParquetSharpLedgerWriter.Write(columns, stream, codec, Bronze.Parquet.Compression.PageCodecs.DefaultZstdLevel);
                return Task.CompletedTask;
            }),
            ("Parquet.Net 6.1.0", (stream, codec) => ParquetNetLedgerWriter.WriteAsync(columns, stream, codec, cancellationToken)),
        ];
        ParquetCodec[] codecs = [ParquetCodec.Zstd, ParquetCodec.Snappy];
        var figures = new Figures[writers.Length, codecs.Length];
        int rounds = quick ? 1 : 3;
        for (int c = 0; c < codecs.Length; c++)
        {
            for (int round = 0; round < rounds; round++)
            {
                for (int w = 0; w < writers.Length; w++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    figures[w, c] = figures[w, c].Add(await MeasureAsync(stream => writers[w].Write(stream, codecs[c])));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Peers on the same {rows.Count} rows ({input / 1e6:F0} MB), row groups of {RowGroupBytes >> 20} MiB of input, best of {rounds} alternating rounds; heap and RSS: the largest peak above the start of a write");
        Console.WriteLine($"{"writer",-22} {"codec",-7} {"MB/s",6} {"MB/CPU-s",9} {"heap above rows",16} {"RSS above start",16} {"file MB",8}");
        for (int c = 0; c < codecs.Length; c++)
        {
            for (int w = 0; w < writers.Length; w++)
            {
                Figures f = figures[w, c];
                Console.WriteLine(
                    $"{writers[w].Name,-22} {codecs[c],-7} {input / f.Wall / 1e6,6:F0} {input / f.Cpu / 1e6,9:F0} {f.Heap / 1048576.0,12:F0} MiB {f.Rss / 1048576.0,12:F0} MiB {f.Bytes / 1e6,8:F1}");
            }
        }

        for (int w = 1; w < writers.Length; w++)
        {
            for (int c = 0; c < codecs.Length; c++)
            {
                Console.WriteLine(
                    $"Bronze / {writers[w].Name}, {codecs[c]}: speed {figures[w, c].Wall / figures[0, c].Wall:F2}x (by CPU time {figures[w, c].Cpu / figures[0, c].Cpu:F2}x), " +
                    $"heap {(double)figures[0, c].Heap / figures[w, c].Heap:F2}x, file size {(double)figures[0, c].Bytes / figures[w, c].Bytes:F3}x");
            }
        }
    }

    private static async Task WriteBronzeAsync(List<LedgerRow> rows, Stream stream, ParquetCodec codec, CancellationToken cancellationToken)
    {
        var options = new ParquetWriterOptions { Codec = codec, RowGroupSize = RowGroupBytes };
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(LedgerRows.Schema, stream, options, cancellationToken);
        foreach (LedgerRow row in rows) await LedgerRows.AppendAsync(writer, row, cancellationToken);
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<Figures> MeasureAsync(Func<Stream, Task> write)
    {
        var stream = new CountingStream();
        await using var memory = new MemorySampler();
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        await write(stream);
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new Figures(wall, cpu, memory.HeapAbove, memory.RssAbove, stream.Length);
    }

    /// <summary>One writer's figures for one codec: best time, largest memory, the file's size.</summary>
    private readonly record struct Figures(double Wall, double Cpu, long Heap, long Rss, long Bytes)
    {
        public Figures Add(Figures next) => Wall == 0
            ? next
            : new Figures(Math.Min(Wall, next.Wall), Math.Min(Cpu, next.Cpu), Math.Max(Heap, next.Heap), Math.Max(Rss, next.Rss), next.Bytes);
    }
}
