using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Cli;

/// <summary>The end-to-end CLI scenario on Ceph RGW 16.</summary>
public sealed class RgwCliScenarioTests : S3CliScenarioTests
{
    /// <inheritdoc />
    protected override S3Server Server => S3Server.Rgw();
}
