namespace Bronze.Cli.Tests;

/// <summary>
/// How <c>--dest</c>, <c>--source</c> and their variables reach the library's one location door, run in-process with an
/// injected environment (the process's own is never read): nothing here needs a server, every case fails before a
/// request.
/// </summary>
public sealed class StoreLocationTests
{
    [Fact]
    public async Task Ls_DestWithoutBucket_TakesTheBucketFromTheInjectedEnvironment()
    {
        (int exit, string error) = await RunAsync(["ls", "--dest", "gs://"], ("GCS_BUCKET", "Injected_Bucket"));

        Assert.Equal(2, exit);
        Assert.Contains("--dest: bucket must name a bucket", error, StringComparison.Ordinal);
        Assert.Contains("Injected_Bucket", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://", "S3_BUCKET")]
    [InlineData("gs://", "GCS_BUCKET")]
    public async Task Lake_SourceWithoutBucket_TakesNoDestinationVariable(string source, string variable)
    {
        (int exit, string error) = await RunAsync(["lake", "--source", source], (variable, "dest-bucket"));

        Assert.Equal(2, exit);
        Assert.Contains("--source: bucket must be given in the URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ls_BadEndpointVariable_Exits2NamingTheVariable()
    {
        (int exit, string error) = await RunAsync(["ls"], ("STORAGE_BACKEND", "s3"), ("S3_BUCKET", "lake"), ("S3_ENDPOINT", "not-a-url"));

        Assert.Equal(2, exit);
        Assert.StartsWith("bronze: S3_ENDPOINT must be an absolute http:// or https:// URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_UnknownScheme_Exits2NamingTheFlagAndTheKnownSchemes()
    {
        (int exit, string error) = await RunAsync(["copy", "--dest", "azure://container/x", "--dry-run"]);

        Assert.Equal(2, exit);
        Assert.Contains("--dest must be a local path or a file://, s3:// or gs:// URL", error, StringComparison.Ordinal);
        Assert.Contains("azure://container/x", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_BadStoreOptionWithJson_NamesTheFlagNotTheLibraryField()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exit = await CliApp.RunAsync(
            ["copy", "--dest", "s3://bucket?part-size=1", "--dry-run", "--json"], _ => null, output, error, false, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("\"field\":\"--dest\"", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--dest: part_size must be between", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Error)> RunAsync(string[] args, params (string Name, string Value)[] variables)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CliApp.RunAsync(
            args, name => variables.FirstOrDefault(v => v.Name == name).Value, output, error, false, TestContext.Current.CancellationToken);
        return (exit, error.ToString());
    }
}
