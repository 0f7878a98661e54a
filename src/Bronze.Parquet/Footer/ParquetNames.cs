using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Footer;

/// <summary>
/// The Parquet format's own names (as parquet.thrift spells them, and as DuckDB's <c>parquet_metadata()</c> and
/// <c>parquet_schema()</c> print them) for the enum values a footer holds. A number the format does not define is
/// shown as the enum's name and the number, e.g. <c>CODEC_9</c>, never rejected.
/// </summary>
public static class ParquetNames
{
    private static readonly string[] Physical = ["BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"];
    private static readonly string[] Codecs = ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"];
    private static readonly string?[] Encodings =
    [
        "PLAIN", null, "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY",
        "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT",
    ];

    private static readonly string[] Converted =
    [
        "UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL", "DATE", "TIME_MILLIS", "TIME_MICROS", "TIMESTAMP_MILLIS",
        "TIMESTAMP_MICROS", "UINT_8", "UINT_16", "UINT_32", "UINT_64", "INT_8", "INT_16", "INT_32", "INT_64", "JSON", "BSON",
        "INTERVAL",
    ];

    private static readonly string[] Repetitions = ["REQUIRED", "OPTIONAL", "REPEATED"];

    /// <summary>A physical type's name, e.g. <c>FIXED_LEN_BYTE_ARRAY</c>.</summary>
    /// <param name="value">The type.</param>
    /// <returns>The name.</returns>
    public static string Of(ParquetPhysicalType value) => Lookup(Physical, (int)value, "TYPE");

    /// <summary>A codec's name, e.g. <c>LZ4_RAW</c>.</summary>
    /// <param name="value">The codec.</param>
    /// <returns>The name.</returns>
    public static string Of(ParquetCodec value) => Lookup(Codecs, (int)value, "CODEC");

    /// <summary>An encoding's name, e.g. <c>RLE_DICTIONARY</c>.</summary>
    /// <param name="value">The encoding.</param>
    /// <returns>The name.</returns>
    public static string Of(ParquetEncoding value) => Lookup(Encodings, (int)value, "ENCODING");

    /// <summary>A legacy converted type's name, e.g. <c>TIMESTAMP_MILLIS</c>.</summary>
    /// <param name="value">The converted type.</param>
    /// <returns>The name.</returns>
    public static string Of(ParquetConvertedType value) => Lookup(Converted, (int)value, "CONVERTED_TYPE");

    /// <summary>A repetition's name: <c>REQUIRED</c>, <c>OPTIONAL</c> or <c>REPEATED</c>.</summary>
    /// <param name="value">The repetition.</param>
    /// <returns>The name.</returns>
    public static string Of(ParquetRepetition value) => Lookup(Repetitions, (int)value, "REPETITION");

    private static string Lookup(string?[] names, int value, string what) =>
        value >= 0 && value < names.Length && names[value] is { } name ? name : $"{what}_{value}";
}
