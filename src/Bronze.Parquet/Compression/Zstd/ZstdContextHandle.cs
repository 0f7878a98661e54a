using System.Runtime.InteropServices;

namespace Bronze.Parquet.Compression.Zstd;

/// <summary>A libzstd compression or decompression context, freed exactly once, also if its owner is never disposed.</summary>
internal sealed unsafe class ZstdContextHandle : SafeHandle
{
    private readonly ZstdLibrary _library;
    private readonly bool _compression;

    private ZstdContextHandle(ZstdLibrary library, bool compression, nint context)
        : base(nint.Zero, ownsHandle: true)
    {
        _library = library;
        _compression = compression;
        SetHandle(context);
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Creates a compression context (<c>ZSTD_CCtx</c>).</summary>
    /// <param name="library">The library.</param>
    /// <returns>The context.</returns>
    /// <exception cref="OutOfMemoryException">libzstd could not allocate it.</exception>
    public static ZstdContextHandle CreateCompression(ZstdLibrary library) =>
        Create(library, compression: true, library.CreateCCtx());

    /// <summary>Creates a decompression context (<c>ZSTD_DCtx</c>, which is also a <c>ZSTD_DStream</c>).</summary>
    /// <param name="library">The library.</param>
    /// <returns>The context.</returns>
    /// <exception cref="OutOfMemoryException">libzstd could not allocate it.</exception>
    public static ZstdContextHandle CreateDecompression(ZstdLibrary library) =>
        Create(library, compression: false, library.CreateDCtx());

    /// <summary>The raw context pointer.</summary>
    /// <returns>The pointer.</returns>
    /// <exception cref="ObjectDisposedException">The context was freed.</exception>
    public nint Get()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        return handle;
    }

    protected override bool ReleaseHandle()
    {
        nuint code = _compression ? _library.FreeCCtx(handle) : _library.FreeDCtx(handle);
        return _library.IsError(code) == 0;
    }

    private static ZstdContextHandle Create(ZstdLibrary library, bool compression, nint context) =>
        context == nint.Zero
            ? throw new OutOfMemoryException("libzstd could not allocate a context.")
            : new ZstdContextHandle(library, compression, context);
}
