namespace Bronze.Parquet.Compression.Zstd;

/// <summary>
/// ZSTD pages through libzstd, one reused compression context. Every parameter that shapes the output is set
/// explicitly (level, no worker threads, no checksum, content size written), so the bytes depend only on the input,
/// the level and the libzstd version.
/// </summary>
internal sealed unsafe class ZstdPageCompressor : IPageCompressor
{
    private readonly ZstdLibrary _library;
    private readonly ZstdContextHandle _context;

    /// <summary>Creates the compressor.</summary>
    /// <param name="library">The loaded libzstd.</param>
    /// <param name="level">A libzstd level, from <c>ZSTD_minCLevel</c> to <c>ZSTD_maxCLevel</c> (22); 0 is not allowed.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside libzstd's range, or 0.</exception>
    public ZstdPageCompressor(ZstdLibrary library, int level)
    {
        int min = library.MinLevel();
        int max = library.MaxLevel();
        if (level < min || level > max || level == 0)
        {
            // 0 means "libzstd's default" to libzstd, which could change between versions: callers say 3 instead.
            throw new ArgumentOutOfRangeException(nameof(level), level, $"ZSTD levels run from {min} to {max}, without 0.");
        }

        _library = library;
        Level = level;
        _context = ZstdContextHandle.CreateCompression(library);
        nint context = _context.Get();
        library.Check(library.CCtxSetParameter(context, ZstdLibrary.CompressionLevelParameter, level), "setting the level");
        library.Check(library.CCtxSetParameter(context, ZstdLibrary.WorkersParameter, 0), "disabling worker threads");
        library.Check(library.CCtxSetParameter(context, ZstdLibrary.ChecksumFlagParameter, 0), "disabling the checksum");
        library.Check(library.CCtxSetParameter(context, ZstdLibrary.ContentSizeFlagParameter, 1), "enabling the content size");
    }

    public ParquetCodec Codec => ParquetCodec.Zstd;

    /// <summary>The level.</summary>
    public int Level { get; }

    public int MaxCompressedLength(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        nuint bound = _library.CompressBound((nuint)sourceLength);
        return bound > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(sourceLength)) : (int)bound;
    }

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            // ZSTD_compress2 starts a new frame each call and keeps the parameters set above.
            nuint written = _library.Compress2(_context.Get(), dst, (nuint)destination.Length, src, (nuint)source.Length);
            return (int)_library.Check(written, "compressing a page");
        }
    }

    public void Dispose() => _context.Dispose();
}
