namespace Bronze.Parquet.Tests.Support;

/// <summary>Every codec Bronze writes, for theories.</summary>
public static class Codecs
{
    public static TheoryData<ParquetCodec> All => new(Enum.GetValues<ParquetCodec>());
}
