using System.Runtime.InteropServices;

namespace Bronze.Benchmarks.Codecs;

/// <summary>Google's reference Snappy (libsnappy.so.1, C++ behind a C API): the limit the SNAPPY codec (Snappier) is measured against.</summary>
internal sealed unsafe class ReferenceSnappyCompressor : IDisposable
{
    private readonly nint _library;
    private readonly delegate* unmanaged<byte*, nuint, byte*, nuint*, int> _compress;
    private readonly delegate* unmanaged<byte*, nuint, byte*, nuint*, int> _uncompress;

    private ReferenceSnappyCompressor(nint library)
    {
        _library = library;
        _compress = (delegate* unmanaged<byte*, nuint, byte*, nuint*, int>)NativeLibrary.GetExport(library, "snappy_compress");
        _uncompress = (delegate* unmanaged<byte*, nuint, byte*, nuint*, int>)NativeLibrary.GetExport(library, "snappy_uncompress");
    }

    /// <summary>Loads libsnappy.so.1, or returns null when it is not installed (Debian package libsnappy1v5).</summary>
    public static ReferenceSnappyCompressor? TryLoad() =>
        NativeLibrary.TryLoad("libsnappy.so.1", out nint library) ? new ReferenceSnappyCompressor(library) : null;

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) => Call(_compress, source, destination, "snappy_compress");

    public int Uncompress(ReadOnlySpan<byte> source, Span<byte> destination) => Call(_uncompress, source, destination, "snappy_uncompress");

    public void Dispose() => NativeLibrary.Free(_library);

    /// <summary>Both functions take (input, input length, output, in: capacity / out: length) and return 0 on success.</summary>
    private static int Call(
        delegate* unmanaged<byte*, nuint, byte*, nuint*, int> function, ReadOnlySpan<byte> source, Span<byte> destination, string name)
    {
        nuint length = (nuint)destination.Length;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            int status = function(src, (nuint)source.Length, dst, &length);
            return status == 0 ? (int)length : throw new InvalidOperationException($"{name} returned {status}.");
        }
    }
}
