using Parquet;
using Parquet.Serialization;

namespace Bronze.Parquet.Tests.Peers;

/// <summary>Files written by Parquet.Net (a fully managed writer) from classes with nested groups, lists and maps.</summary>
internal static class ParquetNetFiles
{
    public const int Rows = 2500;

    /// <summary>Every codec this writer offers but LZO, which it cannot write.</summary>
    public static readonly CompressionMethod[] Codecs =
        [CompressionMethod.None, CompressionMethod.Snappy, CompressionMethod.Gzip, CompressionMethod.Brotli, CompressionMethod.LZ4, CompressionMethod.Zstd, CompressionMethod.Lz4Raw];

    public static async Task WriteAsync(string path, CompressionMethod codec)
    {
        IEnumerable<NetRow> rows = Enumerable.Range(0, Rows).Select(i => new NetRow
        {
            Id = i,
            Name = i % 7 == 0 ? null : "name-" + (i % 100),
            At = new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            Amount = i * 0.01m,
            Score = i * 1.5,
            Flag = i % 2 == 0,
            Blob = [(byte)i, (byte)(i >> 8)],
            Maybe = i % 3 == 0 ? null : i * 10L,
            Tags = [.. Enumerable.Range(0, i % 3)],
            Inner = new NetInner { X = i, Y = "y" + i },
            Attributes = new Dictionary<string, int> { ["a"] = i, ["b"] = -i },
        });
        await ParquetSerializer.SerializeAsync(rows, path, new ParquetOptions { CompressionMethod = codec, RowGroupSize = 1000 });
    }
}

/// <summary>A row of a Parquet.Net test file.</summary>
public sealed class NetRow
{
    /// <summary>Gets or sets a required int.</summary>
    public int Id { get; set; }

    /// <summary>Gets or sets an optional string.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets a timestamp.</summary>
    public DateTime At { get; set; }

    /// <summary>Gets or sets a decimal.</summary>
    public decimal Amount { get; set; }

    /// <summary>Gets or sets a double.</summary>
    public double Score { get; set; }

    /// <summary>Gets or sets a boolean.</summary>
    public bool Flag { get; set; }

    /// <summary>Gets or sets bytes.</summary>
    public byte[]? Blob { get; set; }

    /// <summary>Gets or sets an optional long.</summary>
    public long? Maybe { get; set; }

    /// <summary>Gets or sets a list.</summary>
    public List<int>? Tags { get; set; }

    /// <summary>Gets or sets a nested group.</summary>
    public NetInner? Inner { get; set; }

    /// <summary>Gets or sets a map.</summary>
    public Dictionary<string, int>? Attributes { get; set; }
}

/// <summary>A nested group of a Parquet.Net test file.</summary>
public sealed class NetInner
{
    /// <summary>Gets or sets an int.</summary>
    public int X { get; set; }

    /// <summary>Gets or sets a string.</summary>
    public string? Y { get; set; }
}
