using Bronze.S3.Tests.Support;

namespace Bronze.S3.Tests.Contract;

/// <summary>The store contract on moto, with conditional multipart on.</summary>
public sealed class MotoContractTests : S3ContractTests
{
    /// <inheritdoc />
    protected override S3Server Server => S3Server.Moto();
}
