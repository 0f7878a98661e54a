namespace Bronze.Parquet.Tests.Support.Readers;

/// <summary>A Parquet reader nobody on Bronze wrote, reading a whole file back as the library sees it.</summary>
internal interface IIndependentReader
{
    /// <summary>The library and its version, for test names.</summary>
    string Name { get; }

    /// <summary>Reads every row group of the file: its values column by column, and the codec of each chunk.</summary>
    Task<ReadBack> ReadAsync(string path, CancellationToken cancellationToken);
}
