namespace Bronze.Parquet.Tests.Support;

/// <summary>A file path under the temp folder, deleted on dispose.</summary>
internal sealed class TempFile : IAsyncDisposable
{
    public TempFile(string extension = ".parquet") =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bronze-parquet-{Guid.NewGuid():N}{extension}");

    public string Path { get; }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
