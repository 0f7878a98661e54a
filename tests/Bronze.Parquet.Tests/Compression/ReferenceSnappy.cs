using System.Runtime.InteropServices;

namespace Bronze.Parquet.Tests.Compression;

/// <summary>Google's reference Snappy (libsnappy.so.1, C API) as an independent encoder and decoder.</summary>
internal sealed unsafe class ReferenceSnappy : IDisposable
{
    private readonly nint _library;
    private readonly delegate* unmanaged<byte*, nuint, byte*, nuint*, int> _compress;
    private readonly delegate* unmanaged<byte*, nuint, byte*, nuint*, int> _uncompress;
    private readonly delegate* unmanaged<nuint, nuint> _maxCompressedLength;

    public ReferenceSnappy(string path)
    {
        _library = NativeLibrary.Load(path);
        _compress = (delegate* unmanaged<byte*, nuint, byte*, nuint*, int>)NativeLibrary.GetExport(_library, "snappy_compress");
        _uncompress = (delegate* unmanaged<byte*, nuint, byte*, nuint*, int>)NativeLibrary.GetExport(_library, "snappy_uncompress");
        _maxCompressedLength = (delegate* unmanaged<nuint, nuint>)NativeLibrary.GetExport(_library, "snappy_max_compressed_length");
    }

    public byte[] Compress(byte[] input)
    {
        var output = new byte[(int)_maxCompressedLength((nuint)input.Length)];
        nuint length = (nuint)output.Length;
        fixed (byte* src = input)
        fixed (byte* dst = output)
        {
            Assert.Equal(0, _compress(src, (nuint)input.Length, dst, &length));
        }

        return output[..(int)length];
    }

    /// <summary>Decompresses, or returns null when the reference rejects the input.</summary>
    public byte[]? Uncompress(byte[] compressed, int expectedLength)
    {
        var output = new byte[expectedLength];
        nuint length = (nuint)output.Length;
        fixed (byte* src = compressed)
        fixed (byte* dst = output)
        {
            if (_uncompress(src, (nuint)compressed.Length, dst, &length) != 0) return null;
        }

        return length == (nuint)expectedLength ? output : null;
    }

    public void Dispose() => NativeLibrary.Free(_library);
}
