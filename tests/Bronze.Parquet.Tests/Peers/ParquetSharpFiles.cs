using ParquetSharp;
using PsCodec = ParquetSharp.Compression;

namespace Bronze.Parquet.Tests.Peers;

/// <summary>Files written by ParquetSharp (Apache Arrow's C++ writer): every type it maps, a list column, page indexes.</summary>
internal static class ParquetSharpFiles
{
    public const int Rows = 3000;

    /// <summary>Every codec this writer offers (LZO and BZ2 are in the enum but Arrow cannot write them).</summary>
    public static readonly PsCodec[] Codecs =
        [PsCodec.Uncompressed, PsCodec.Snappy, PsCodec.Gzip, PsCodec.Brotli, PsCodec.Zstd, PsCodec.Lz4, PsCodec.Lz4Hadoop];

    public static void Write(string path, PsCodec codec, FileEncryptionProperties? encryption = null)
    {
        Column[] columns =
        [
            new Column<bool>("flag"), new Column<int>("i32"), new Column<long>("i64"), new Column<float>("f32"), new Column<double>("f64"),
            new Column<string>("text"), new Column<byte[]>("blob"), new Column<DateTime>("at"), new Column<Date>("day"),
            new Column<TimeSpan>("time"), new Column<decimal>("amount", LogicalType.Decimal(29, 3)), new Column<Guid>("uid"),
            new Column<sbyte>("i8"), new Column<ushort>("u16"), new Column<uint>("u32"), new Column<ulong>("u64"), new Column<int?>("maybe"),
            new Column<int[]>("list"),
        ];
        using WriterPropertiesBuilder builder = new WriterPropertiesBuilder().Compression(codec).EnableWritePageIndex().MaxRowGroupLength(1200);
        if (encryption is not null) builder.Encryption(encryption);
        using WriterProperties properties = builder.Build();
        using var file = new ParquetFileWriter(path, columns, properties, new Dictionary<string, string> { ["writer"] = "parquetsharp", ["note"] = "ünïcode" });
        for (int start = 0; start < Rows; start += 1200)
        {
            int[] rows = [.. Enumerable.Range(start, Math.Min(1200, Rows - start))];
            using RowGroupWriter group = file.AppendRowGroup();
            Column(group, rows.Select(i => i % 3 == 0).ToArray());
            Column(group, rows.Select(i => i - 1000).ToArray());
            Column(group, rows.Select(i => (long)i * 1_000_000_007).ToArray());
            Column(group, rows.Select(i => i * 0.5f).ToArray());
            Column(group, rows.Select(i => i / 3.0).ToArray());
            Column(group, rows.Select(i => "row-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            Column(group, rows.Select(i => BitConverter.GetBytes(i)).ToArray());
            Column(group, rows.Select(i => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 61.5)).ToArray());
            Column(group, rows.Select(i => new Date(2020, 2, 29).AddDays(i)).ToArray());
            Column(group, rows.Select(i => TimeSpan.FromMilliseconds(i * 1001)).ToArray());
            Column(group, rows.Select(i => i * 1.125m - 100).ToArray());
            Column(group, rows.Select(i => new Guid(i, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)).ToArray());
            Column(group, rows.Select(i => (sbyte)(i % 200 - 100)).ToArray());
            Column(group, rows.Select(i => (ushort)(i * 20)).ToArray());
            Column(group, rows.Select(i => uint.MaxValue - (uint)i).ToArray());
            Column(group, rows.Select(i => ulong.MaxValue - (ulong)i).ToArray());
            Column(group, rows.Select(i => i % 4 == 0 ? (int?)null : i).ToArray());
            Column(group, rows.Select(i => Enumerable.Range(i, i % 4).ToArray()).ToArray());
        }

        file.Close();
    }

    private static void Column<T>(RowGroupWriter group, T[] values)
    {
        using LogicalColumnWriter<T> writer = group.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(values);
    }
}
