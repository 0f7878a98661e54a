using Bronze.Parquet;
using Bronze.Copier;

namespace Bronze;

/// <summary>The names of the Parquet codecs on the command line (<c>--codec</c>) and in manifests.</summary>
public static class CodecNames
{
    /// <summary>The names <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = ["zstd", "snappy", "gzip", "brotli", "none"];

    /// <summary>The codec named <paramref name="name"/> (case-insensitive; <c>uncompressed</c> is an alias of <c>none</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="field">The option or variable it came from, for the error message.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> for an unknown name.</exception>
    public static ParquetCodec Parse(string name, string field = "codec")
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "ZSTD" => ParquetCodec.Zstd,
            "SNAPPY" => ParquetCodec.Snappy,
            "GZIP" => ParquetCodec.Gzip,
            "BROTLI" => ParquetCodec.Brotli,
            "NONE" or "UNCOMPRESSED" => ParquetCodec.Uncompressed,
            _ => throw BronzeException.Invalid(field, "be one of " + string.Join(", ", All), name),
        };
    }

    /// <summary>The codec's name in a manifest: <c>uncompressed</c>, <c>snappy</c>, <c>gzip</c>, <c>brotli</c> or <c>zstd</c>.</summary>
    /// <param name="codec">The codec.</param>
    public static string ManifestName(ParquetCodec codec) => codec switch
    {
        ParquetCodec.Uncompressed => "uncompressed",
        ParquetCodec.Snappy => "snappy",
        ParquetCodec.Gzip => "gzip",
        ParquetCodec.Brotli => "brotli",
        ParquetCodec.Zstd => "zstd",
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a codec Bronze writes."),
    };
}
