using BenchmarkDotNet.Attributes;
using Bronze.Parquet;
using Bronze.Parquet.Compression;

namespace Bronze.Benchmarks.Codecs;

/// <summary>One 1 MiB page of XDR-like data through each codec at its default level.</summary>
[MemoryDiagnoser]
public class PageCompressionBenchmarks
{
    private byte[] _page = [];
    private byte[] _compressed = [];
    private byte[] _output = [];
    private int _compressedLength;
    private IPageCompressor? _compressor;
    private IPageDecompressor? _decompressor;

    /// <summary>The codec.</summary>
    [Params(ParquetCodec.Uncompressed, ParquetCodec.Snappy, ParquetCodec.Zstd, ParquetCodec.Gzip, ParquetCodec.Brotli)]
    public ParquetCodec Codec { get; set; }

    /// <summary>Generates the page and compresses it once for the decompression benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _page = XdrLikeData.Generate(1 << 20);
        _compressor = PageCodecs.CreateCompressor(Codec);
        _decompressor = PageCodecs.CreateDecompressor(Codec);
        _compressed = new byte[_compressor.MaxCompressedLength(_page.Length)];
        _compressedLength = _compressor.Compress(_page, _compressed);
        _output = new byte[_page.Length];
    }

    /// <summary>Frees the codecs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _compressor?.Dispose();
        _decompressor?.Dispose();
    }

    /// <summary>Compresses the page.</summary>
    /// <returns>The compressed length.</returns>
    [Benchmark]
    public int Compress() => _compressor!.Compress(_page, _compressed);

    /// <summary>Decompresses the page.</summary>
    /// <returns>The decompressed length.</returns>
    [Benchmark]
    public int Decompress() => _decompressor!.Decompress(_compressed.AsSpan(0, _compressedLength), _output);
}
