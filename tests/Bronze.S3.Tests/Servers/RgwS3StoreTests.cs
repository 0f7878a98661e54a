using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Servers;

/// <summary>The S3 tests on Ceph RGW 16 (defaults for a custom endpoint: every object is one conditional PutObject).</summary>
public sealed class RgwS3StoreTests : S3StoreTests
{
    /// <inheritdoc />
    protected override S3Server Server => S3Server.Rgw();
}
