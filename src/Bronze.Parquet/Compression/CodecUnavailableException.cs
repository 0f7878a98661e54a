namespace Bronze.Parquet.Compression;

/// <summary>
/// A codec cannot be used on this machine because the native library it needs is missing or too old. The message
/// names the library and the package that provides it; installing that package is the fix.
/// </summary>
public sealed class CodecUnavailableException : ParquetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="codec">The codec that cannot be used.</param>
    /// <param name="libraryName">The native library it needs, e.g. <c>libzstd.so.1</c>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The loader's error, if any.</param>
    public CodecUnavailableException(ParquetCodec codec, string libraryName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Codec = codec;
        LibraryName = libraryName;
    }

    /// <summary>The codec that cannot be used.</summary>
    public ParquetCodec Codec { get; }

    /// <summary>The native library the codec needs, e.g. <c>libzstd.so.1</c>.</summary>
    public string LibraryName { get; }
}
