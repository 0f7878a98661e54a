using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Servers;

/// <summary>The S3 tests on moto, with conditional multipart on (moto honours If-None-Match on completion).</summary>
public sealed class MotoS3StoreTests : S3StoreTests
{
    /// <inheritdoc />
    protected override S3Server Server => S3Server.Moto();
}
