using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Cli;

/// <summary>The end-to-end CLI scenario on moto (conditional multipart on).</summary>
public sealed class MotoCliScenarioTests : S3CliScenarioTests
{
    /// <inheritdoc />
    protected override S3Server Server => S3Server.Moto();
}
