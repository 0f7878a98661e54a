using System.Net;
using Bronze.Gcs.Http;

namespace Bronze.Gcs.Tests.Http;

public sealed class GcsErrorsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromStatus_NoMessageFromTheServer_EndsWithTheStatus(string? message)
    {
        BronzeException error = GcsErrors.FromStatus(HttpStatusCode.NotFound, "reading object 'k'", message);

        Assert.Equal("reading object 'k': not found (HTTP 404)", error.Message);
    }
}
