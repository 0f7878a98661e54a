using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Writing;

namespace Bronze.Parquet.Tests.Support;

/// <summary>Writes rows to Parquet files and bytes for tests.</summary>
internal static class ParquetFiles
{
    public static async Task<ParquetFileInfo> WriteAsync(
        string path, ParquetSchema schema, IEnumerable<object?[]> rows, ParquetWriterOptions? options = null)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken);
        foreach (object?[] row in rows) await writer.WriteRowAsync(row, cancellationToken);
        return await writer.CompleteAsync(cancellationToken);
    }

    public static async Task<byte[]> WriteBytesAsync(ParquetSchema schema, IEnumerable<object?[]> rows, ParquetWriterOptions? options = null)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken))
        {
            foreach (object?[] row in rows) await writer.WriteRowAsync(row, cancellationToken);
            await writer.CompleteAsync(cancellationToken);
        }

        return stream.ToArray();
    }
}
