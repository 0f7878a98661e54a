using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Bronze.Parquet;
using Bronze.Parquet.Compression;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;
using Bronze.Benchmarks.Parquet.Peers;
using Bronze.Sources;

namespace Bronze.Benchmarks.Parquet;

/// <summary>
/// The Parquet writer on ledgers_lcm_raw rows into a discard stream, against (1) the codec alone on the same XDR page
/// bytes and (2) DuckDB's <c>COPY ... TO</c> on one thread on the same rows, per codec, all in one run.
/// </summary>
public sealed class ParquetWriterThroughputRun : IThroughputRun
{
    /// <inheritdoc/>
    public string Name => "parquet-writer";

    /// <inheritdoc/>
    public string Description => "Parquet writer MB/s vs the codec alone and vs DuckDB COPY (threads=1), ledgers_lcm_raw rows";

    /// <inheritdoc/>
    public async Task<int> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        long target = quick ? 16L << 20 : 512L << 20;
        ParquetSchema schema = LedgerRows.Schema;
        List<LedgerRow> rows = LedgerRows.Generate(target);
        long input = rows.Sum(LedgerRows.InputBytes);
        List<byte[]> pages = XdrPages(rows);
        Console.WriteLine($"{rows.Count} rows, {input / 1e6:F0} MB of input (mean XDR {rows.Average(r => r.XdrByteLength) / 1024:F1} KiB); MB = 10^6 bytes; writer and codec interleaved, best of 5 by wall clock and by process CPU time; DuckDB best of 2");

        string? duckdb = FindDuckDbBenchScript();
        string source = Path.Combine(Path.GetTempPath(), $"bronze-bench-source-{Environment.ProcessId}.parquet");
        string output = Path.Combine(Path.GetTempPath(), $"bronze-bench-duckdb-{Environment.ProcessId}.parquet");
        try
        {
            if (duckdb is not null) await WriteFileAsync(schema, rows, source, ParquetCodec.Uncompressed, cancellationToken);
            else Console.WriteLine("DuckDB is not installed (bash test-servers/duckdb/install.sh): no peer figures.");
            Console.WriteLine($"{"codec",-14} {"writer MB/s",12} {"codec MB/s",11} {"vs codec",9} {"cpu: vs codec",14} {"DuckDB MB/s",12} {"vs DuckDB",10} {"file MB",8} {"DuckDB MB",10}");
            foreach ((ParquetCodec codec, string duckName) in new[] { (ParquetCodec.Uncompressed, "uncompressed"), (ParquetCodec.Snappy, "snappy"), (ParquetCodec.Zstd, "zstd") })
            {
                cancellationToken.ThrowIfCancellationRequested();
                var counter = new CountingStream();
                (double writer, double codecAlone, double writerCpu, double codecCpu) = await BestInterleavedAsync(
                    quick ? 1 : 5,
                    () => WriteAsync(schema, rows, counter, codec, cancellationToken),
                    () => CompressAll(pages, codec));
                long pageBytes = pages.Sum(p => (long)p.Length);
                string duckFigures = "-", duckRatio = "-", duckSize = "-";
                if (duckdb is not null)
                {
                    (double seconds, long bytes) = await DuckDbCopyAsync(duckdb, source, output, duckName, quick, cancellationToken);
                    duckFigures = $"{input / seconds / 1e6:F0}";
                    duckRatio = $"{seconds / writer:F2}x";
                    duckSize = $"{bytes / 1e6:F1}";
                }

                Console.WriteLine(
                    $"{codec,-14} {input / writer / 1e6,12:F0} {pageBytes / codecAlone / 1e6,11:F0} {input / writer / (pageBytes / codecAlone),8:F2}x " +
                    $"{input / writerCpu / (pageBytes / codecCpu),13:F2}x {duckFigures,12} {duckRatio,10} {counter.Length / (quick ? 1 : 5) / 1e6,8:F1} {duckSize,10}");
            }
        }
        finally
        {
            File.Delete(source);
            File.Delete(output);
        }

        await WriterComparison.RunAsync(rows, input, quick, cancellationToken);
        return 0;
    }

    private static async Task WriteAsync(ParquetSchema schema, List<LedgerRow> rows, Stream stream, ParquetCodec codec, CancellationToken cancellationToken)
    {
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetWriterOptions { Codec = codec }, cancellationToken);
        foreach (LedgerRow row in rows) await LedgerRows.AppendAsync(writer, row, cancellationToken);
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteFileAsync(ParquetSchema schema, List<LedgerRow> rows, string path, ParquetCodec codec, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.Create(path);
        await WriteAsync(schema, rows, stream, codec, cancellationToken);
    }

    /// <summary>
    /// The XDR column's pages as the writer builds them: PLAIN values (length, bytes) until the column's page size (from
    /// the table definition, else the writer's default) is reached.
    /// </summary>
    private static List<byte[]> XdrPages(List<LedgerRow> rows)
    {
        int pageSize = LedgerRows.Schema.Columns[LedgerRows.Schema.IndexOf("xdr_bytes")].PageSize ?? new ParquetWriterOptions().PageSize;
        var pages = new List<byte[]>();
        var page = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (LedgerRow row in rows)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, row.XdrByteLength);
            page.Write(length);
            page.Write(row.XdrBytes.Span);
            if (page.Length < pageSize) continue;
            pages.Add(page.ToArray());
            page.SetLength(0);
        }

        if (page.Length > 0) pages.Add(page.ToArray());
        return pages;
    }

    private static void CompressAll(List<byte[]> pages, ParquetCodec codec)
    {
        using IPageCompressor compressor = PageCodecs.CreateCompressor(codec);
        byte[] output = new byte[compressor.MaxCompressedLength(pages.Max(p => p.Length))];
        foreach (byte[] page in pages) compressor.Compress(page, output);
    }

    /// <summary>
    /// Runs the writer and the codec alternately, so that load from other processes hits both alike; the best seconds of
    /// each by wall clock, and by this process's CPU time (which time stolen by other VMs and processes leaves out).
    /// </summary>
    private static async Task<(double Writer, double Codec, double WriterCpu, double CodecCpu)> BestInterleavedAsync(int rounds, Func<Task> writer, Action codec)
    {
        double bestWriter = double.MaxValue, bestCodec = double.MaxValue, bestWriterCpu = double.MaxValue, bestCodecCpu = double.MaxValue;
        for (int i = 0; i < rounds; i++)
        {
            (double wall, double cpu) = await TimeAsync(writer);
            bestWriter = Math.Min(bestWriter, wall);
            bestWriterCpu = Math.Min(bestWriterCpu, cpu);
            (wall, cpu) = await TimeAsync(() =>
            {
                codec();
                return Task.CompletedTask;
            });
            bestCodec = Math.Min(bestCodec, wall);
            bestCodecCpu = Math.Min(bestCodecCpu, cpu);
        }

        return (bestWriter, bestCodec, bestWriterCpu, bestCodecCpu);
    }

    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> action)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        await action();
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static async Task<(double Seconds, long Bytes)> DuckDbCopyAsync(
        string script, string source, string output, string codec, bool quick, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { script, source, output, codec, quick ? "1" : "2" }) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        string text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"DuckDB COPY failed with exit code {process.ExitCode}.");
        JsonNode result = JsonNode.Parse(text)!;
        return (result["seconds"]!.AsArray().Min(s => s!.GetValue<double>()), result["bytes"]!.GetValue<long>());
    }

    private static string? FindDuckDbBenchScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string script = Path.Combine(dir.FullName, "tools", "duckdb", "copy-bench.mjs");
            if (File.Exists(script) && Directory.Exists(Path.Combine(dir.FullName, "tools", "duckdb", "node_modules"))) return script;
        }

        return null;
    }
}
