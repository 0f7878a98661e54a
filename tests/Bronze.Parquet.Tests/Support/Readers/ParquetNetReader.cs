using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace Bronze.Parquet.Tests.Support.Readers;

/// <summary>Parquet.Net 6.1.0 (fully managed): the column types come from its own reading of the schema.</summary>
internal sealed class ParquetNetReader : IIndependentReader
{
    private static readonly MethodInfo ReadStructMethod =
        typeof(ParquetNetReader).GetMethod(nameof(ReadStructAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public string Name => "Parquet.Net";

    public async Task<ReadBack> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.OpenRead(path);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        DataField[] fields = reader.Schema.GetDataFields();
        var groups = new List<ReadBackRowGroup>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            var columns = new List<object?[]>();
            var codecs = new List<string>();
            foreach (DataField field in fields)
            {
                columns.Add(await ReadColumnAsync(group, field, rows, cancellationToken));
                codecs.Add(group.GetMetadata(field)!.MetaData!.Codec.ToString().ToUpperInvariant());
            }

            groups.Add(new ReadBackRowGroup(rows, codecs, columns));
        }

        return new ReadBack([.. fields.Select(f => f.Name)], groups);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        if (field.ClrType == typeof(string))
        {
            var values = new string?[rows];
            await group.ReadAsync(field, values.AsMemory()!, null, cancellationToken);
            return values;
        }

        if (field.ClrType == typeof(byte[]))
        {
            var values = new byte[]?[rows];
            await group.ReadAsync(field, values.AsMemory()!, null, cancellationToken);
            return values;
        }

        var task = (Task<object?[]>)ReadStructMethod.MakeGenericMethod(field.ClrType).Invoke(null, [group, field, rows, cancellationToken])!;
        return await task;
    }

    private static async Task<object?[]> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync<T>(field, nullable.AsMemory(), null, cancellationToken);
            return [.. nullable.Select(v => (object?)v)];
        }

        var values = new T[rows];
        await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken);
        return [.. values.Select(v => (object?)v)];
    }
}
