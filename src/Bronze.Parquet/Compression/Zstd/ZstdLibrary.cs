using System.Runtime.InteropServices;

namespace Bronze.Parquet.Compression.Zstd;

/// <summary>
/// The system's libzstd, loaded once and called through function pointers taken from its exports. Loading it
/// explicitly, rather than on the first call, lets a missing library surface as a
/// <see cref="CodecUnavailableException"/> that names the library and its package.
/// </summary>
internal sealed unsafe class ZstdLibrary
{
    /// <summary>The library's file name on Linux.</summary>
    public const string DefaultName = "libzstd.so.1";

    /// <summary>The Debian/Ubuntu package that installs it.</summary>
    public const string DebianPackage = "libzstd1";

    /// <summary><c>ZSTD_c_compressionLevel</c>.</summary>
    public const int CompressionLevelParameter = 100;

    /// <summary><c>ZSTD_c_checksumFlag</c>.</summary>
    public const int ChecksumFlagParameter = 201;

    /// <summary><c>ZSTD_c_contentSizeFlag</c>.</summary>
    public const int ContentSizeFlagParameter = 200;

    /// <summary><c>ZSTD_c_nbWorkers</c>.</summary>
    public const int WorkersParameter = 400;

    /// <summary><c>ZSTD_reset_session_only</c>.</summary>
    public const int ResetSessionOnly = 1;

    private static readonly Lazy<ZstdLibrary> SharedLibrary = new(() => Load(DefaultName));

    private ZstdLibrary(nint handle)
    {
        VersionNumber = (delegate* unmanaged<uint>)Export(handle, "ZSTD_versionNumber");
        MinLevel = (delegate* unmanaged<int>)Export(handle, "ZSTD_minCLevel");
        MaxLevel = (delegate* unmanaged<int>)Export(handle, "ZSTD_maxCLevel");
        IsError = (delegate* unmanaged<nuint, uint>)Export(handle, "ZSTD_isError");
        GetErrorName = (delegate* unmanaged<nuint, byte*>)Export(handle, "ZSTD_getErrorName");
        CompressBound = (delegate* unmanaged<nuint, nuint>)Export(handle, "ZSTD_compressBound");
        CreateCCtx = (delegate* unmanaged<nint>)Export(handle, "ZSTD_createCCtx");
        FreeCCtx = (delegate* unmanaged<nint, nuint>)Export(handle, "ZSTD_freeCCtx");
        CCtxSetParameter = (delegate* unmanaged<nint, int, int, nuint>)Export(handle, "ZSTD_CCtx_setParameter");
        Compress2 = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint>)Export(handle, "ZSTD_compress2");
        CreateDCtx = (delegate* unmanaged<nint>)Export(handle, "ZSTD_createDCtx");
        FreeDCtx = (delegate* unmanaged<nint, nuint>)Export(handle, "ZSTD_freeDCtx");
        DecompressDCtx = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint>)Export(handle, "ZSTD_decompressDCtx");
        DecompressStream = (delegate* unmanaged<nint, ZstdOutBuffer*, ZstdInBuffer*, nuint>)Export(handle, "ZSTD_decompressStream");
        DCtxReset = (delegate* unmanaged<nint, int, nuint>)Export(handle, "ZSTD_DCtx_reset");
        DStreamInSize = (delegate* unmanaged<nuint>)Export(handle, "ZSTD_DStreamInSize");
    }

    /// <summary>The library every codec uses, loaded on first use.</summary>
    /// <exception cref="CodecUnavailableException"><c>libzstd.so.1</c> cannot be loaded or lacks a needed function.</exception>
    public static ZstdLibrary Shared => SharedLibrary.Value;

    /// <summary><c>ZSTD_versionNumber</c>.</summary>
    public delegate* unmanaged<uint> VersionNumber { get; }

    /// <summary><c>ZSTD_minCLevel</c>.</summary>
    public delegate* unmanaged<int> MinLevel { get; }

    /// <summary><c>ZSTD_maxCLevel</c>.</summary>
    public delegate* unmanaged<int> MaxLevel { get; }

    /// <summary><c>ZSTD_isError</c>.</summary>
    public delegate* unmanaged<nuint, uint> IsError { get; }

    /// <summary><c>ZSTD_getErrorName</c>.</summary>
    public delegate* unmanaged<nuint, byte*> GetErrorName { get; }

    /// <summary><c>ZSTD_compressBound</c>.</summary>
    public delegate* unmanaged<nuint, nuint> CompressBound { get; }

    /// <summary><c>ZSTD_createCCtx</c>.</summary>
    public delegate* unmanaged<nint> CreateCCtx { get; }

    /// <summary><c>ZSTD_freeCCtx</c>.</summary>
    public delegate* unmanaged<nint, nuint> FreeCCtx { get; }

    /// <summary><c>ZSTD_CCtx_setParameter</c>.</summary>
    public delegate* unmanaged<nint, int, int, nuint> CCtxSetParameter { get; }

    /// <summary><c>ZSTD_compress2</c>.</summary>
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint> Compress2 { get; }

    /// <summary><c>ZSTD_createDCtx</c>.</summary>
    public delegate* unmanaged<nint> CreateDCtx { get; }

    /// <summary><c>ZSTD_freeDCtx</c>.</summary>
    public delegate* unmanaged<nint, nuint> FreeDCtx { get; }

    /// <summary><c>ZSTD_decompressDCtx</c>.</summary>
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint> DecompressDCtx { get; }

    /// <summary><c>ZSTD_decompressStream</c>.</summary>
    public delegate* unmanaged<nint, ZstdOutBuffer*, ZstdInBuffer*, nuint> DecompressStream { get; }

    /// <summary><c>ZSTD_DCtx_reset</c>.</summary>
    public delegate* unmanaged<nint, int, nuint> DCtxReset { get; }

    /// <summary><c>ZSTD_DStreamInSize</c>: the input chunk size that streaming decompression works best with.</summary>
    public delegate* unmanaged<nuint> DStreamInSize { get; }

    /// <summary>Loads libzstd under <paramref name="name"/>.</summary>
    /// <param name="name">A file name the dynamic loader resolves, e.g. <see cref="DefaultName"/>.</param>
    /// <returns>The loaded library.</returns>
    /// <exception cref="CodecUnavailableException">It cannot be loaded, or lacks a needed function.</exception>
    public static ZstdLibrary Load(string name)
    {
        if (!NativeLibrary.TryLoad(name, out nint handle))
        {
            throw new CodecUnavailableException(
                ParquetCodec.Zstd,
                name,
                $"ZSTD needs the system library {name}, which could not be loaded. On Debian or Ubuntu install the " +
                $"package {DebianPackage} (apt-get install {DebianPackage}).");
        }

        try
        {
            return new ZstdLibrary(handle);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new CodecUnavailableException(
                ParquetCodec.Zstd,
                name,
                $"The system library {name} is too old for Bronze ({e.Message}); it needs libzstd 1.4 or newer, " +
                $"from the package {DebianPackage}.",
                e);
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> (decompression) when <paramref name="code"/> is a libzstd error.</summary>
    /// <param name="code">A libzstd return value.</param>
    /// <param name="what">What was being done, for the message.</param>
    /// <returns><paramref name="code"/> when it is not an error.</returns>
    public nuint CheckData(nuint code, string what) =>
        IsError(code) != 0 ? throw new InvalidDataException($"Corrupt ZSTD data: {what} failed: {ErrorName(code)}.") : code;

    /// <summary>Throws <see cref="InvalidOperationException"/> when <paramref name="code"/> is a libzstd error.</summary>
    /// <param name="code">A libzstd return value.</param>
    /// <param name="what">What was being done, for the message.</param>
    /// <returns><paramref name="code"/> when it is not an error.</returns>
    public nuint Check(nuint code, string what) =>
        IsError(code) != 0 ? throw new InvalidOperationException($"libzstd: {what} failed: {ErrorName(code)}.") : code;

    /// <summary>libzstd's name for an error code.</summary>
    /// <param name="code">A libzstd return value that is an error.</param>
    /// <returns>The name, e.g. "Data corruption detected".</returns>
    public string ErrorName(nuint code) => Marshal.PtrToStringUTF8((nint)GetErrorName(code)) ?? "unknown error";

    private static nint Export(nint handle, string name) => NativeLibrary.GetExport(handle, name);
}
