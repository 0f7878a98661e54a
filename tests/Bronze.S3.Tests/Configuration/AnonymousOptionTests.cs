using Amazon.Runtime;

namespace Bronze.S3.Tests.Configuration;

public sealed class AnonymousOptionTests
{
    [Theory]
    [InlineData("anonymous=true", true)]
    [InlineData("anonymous=false", false)]
    [InlineData("region=us-east-2", false)]
    public void FromUrl_AnonymousOption_SetsUnsignedCredentials(string query, bool anonymous)
    {
        S3StoreOptions options = S3StoreOptions.FromUrl("s3://aws-public-blockchain/v1.1/stellar/ledgers/pubnet?" + query);

        Assert.Equal(anonymous, options.Credentials is AnonymousAWSCredentials);
    }
}
