using Bronze.Gcs.Http;
using Google.Apis.Http;

namespace Bronze.Gcs.Tests.Http;

/// <summary>
/// The waits between tries: 1 s doubling up to 16 s (each ±250 ms) for as many retries as the options allow, never a
/// wait the retry handler refuses (which would end the retries early).
/// </summary>
public sealed class CappedBackOffTests
{
    private const int Samples = 200;

    [Fact]
    public void GetNextBackOff_EachRetry_DoublesFromOneSecondAndStaysAtSixteen()
    {
        var backOff = new CappedBackOff(20);

        for (int retry = 1; retry <= 20; retry++)
        {
            double expected = Math.Min(Math.Pow(2, retry - 1), 16) * 1000;
            for (int i = 0; i < Samples; i++)
            {
                double waited = backOff.GetNextBackOff(retry).TotalMilliseconds;
                Assert.InRange(waited, expected - 250, expected + 250);
            }
        }
    }

    [Fact]
    public void GetNextBackOff_PastTheLastRetry_IsNegativeSoTheHandlerStops()
    {
        var backOff = new CappedBackOff(3);

        Assert.True(backOff.GetNextBackOff(3) > TimeSpan.Zero);
        Assert.True(backOff.GetNextBackOff(4) < TimeSpan.Zero);
        Assert.Equal(3, backOff.MaxNumOfRetries);
    }

    [Fact]
    public void CreateBackOffHandler_TheMostRetriesAllowed_EveryWaitIsWithinTheHandlersLimit()
    {
        BackOffHandler handler = RetryingInitializer.CreateBackOffHandler(Bronze.Locations.BucketStoreOptions.MaxRetriesLimit);

        Assert.Equal(Bronze.Locations.BucketStoreOptions.MaxRetriesLimit, handler.BackOff.MaxNumOfRetries);
        for (int retry = 1; retry <= handler.BackOff.MaxNumOfRetries; retry++)
        {
            for (int i = 0; i < Samples; i++)
                Assert.True(handler.BackOff.GetNextBackOff(retry) <= handler.MaxTimeSpan, $"retry {retry} would be refused");
        }
    }
}
