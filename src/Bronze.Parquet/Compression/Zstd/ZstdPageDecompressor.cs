namespace Bronze.Parquet.Compression.Zstd;

/// <summary>ZSTD pages through libzstd, one reused decompression context.</summary>
internal sealed unsafe class ZstdPageDecompressor : IPageDecompressor
{
    private readonly ZstdLibrary _library;
    private readonly ZstdContextHandle _context;

    /// <summary>Creates the decompressor.</summary>
    /// <param name="library">The loaded libzstd.</param>
    public ZstdPageDecompressor(ZstdLibrary library)
    {
        _library = library;
        _context = ZstdContextHandle.CreateDecompression(library);
    }

    public ParquetCodec Codec => ParquetCodec.Zstd;

    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        nuint written;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            // A null pointer for an empty span is fine: libzstd reads and writes nothing through it then.
            written = _library.CheckData(
                _library.DecompressDCtx(_context.Get(), dst, (nuint)destination.Length, src, (nuint)source.Length),
                "decompressing a page");
        }

        return written == (nuint)destination.Length
            ? destination.Length
            : throw new InvalidDataException(
                $"Corrupt ZSTD data: a page holds {written} bytes where {destination.Length} were expected.");
    }

    public void Dispose() => _context.Dispose();
}
