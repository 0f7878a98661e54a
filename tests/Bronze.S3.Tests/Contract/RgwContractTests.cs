using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Contract;

/// <summary>The store contract on Ceph RGW 16, with the defaults for a custom endpoint.</summary>
public sealed class RgwContractTests : S3ContractTests
{
    /// <inheritdoc />
    protected override S3Server Server => S3Server.Rgw();
}
