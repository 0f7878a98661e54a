namespace Bronze.Parquet.Tests.Support.Readers;

/// <summary>The independent Parquet readers beside DuckDB: Parquet.Net (managed) and ParquetSharp (Arrow C++).</summary>
public static class IndependentReaders
{
    /// <summary>Reader names, for theories.</summary>
    public static TheoryData<string> Names => new("Parquet.Net", "ParquetSharp");

    /// <summary>Every reader with every codec, for theories.</summary>
    public static TheoryData<string, ParquetCodec> WithCodecs
    {
        get
        {
            var data = new TheoryData<string, ParquetCodec>();
            foreach (string reader in new[] { "Parquet.Net", "ParquetSharp" })
            {
                foreach (ParquetCodec codec in Enum.GetValues<ParquetCodec>()) data.Add(reader, codec);
            }

            return data;
        }
    }

    internal static IIndependentReader Get(string name) => name switch
    {
        "Parquet.Net" => new ParquetNetReader(),
        "ParquetSharp" => new ParquetSharpReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an independent reader."),
    };
}
