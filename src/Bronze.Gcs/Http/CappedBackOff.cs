using Google.Apis.Util;

namespace Bronze.Gcs.Http;

/// <summary>
/// Exponential backoff between tries, 1 s, 2 s, 4 s, ... each ±250 ms, with every wait capped at
/// <see cref="Longest"/> rather than ending the retries. Google.Apis' <c>ExponentialBackOff</c> cannot serve: it allows
/// at most 20 retries in all, and <c>BackOffHandler</c> gives up (instead of waiting less) on a wait above its
/// <c>MaxTimeSpan</c>, so with a 16 s cap a fifth retry was made only half the time and a sixth never.
/// </summary>
internal sealed class CappedBackOff : IBackOff
{
    /// <summary>The longest wait before a wait's jitter.</summary>
    public static TimeSpan Longest { get; } = TimeSpan.FromSeconds(16);

    /// <summary>How far each wait may be moved either way, so that writers failing together do not retry together.</summary>
    public static TimeSpan Jitter { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A backoff for <paramref name="maxRetries"/> retries after the first try.</summary>
    public CappedBackOff(int maxRetries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        MaxNumOfRetries = maxRetries;
    }

    /// <inheritdoc/>
    public int MaxNumOfRetries { get; }

    /// <inheritdoc/>
    /// <remarks>A negative wait past the last retry, which <c>BackOffHandler</c> takes as "do not retry".</remarks>
    public TimeSpan GetNextBackOff(int currentRetry)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(currentRetry);
        if (currentRetry > MaxNumOfRetries) return TimeSpan.MinValue;
        double seconds = Math.Min(Math.Pow(2, currentRetry - 1), Longest.TotalSeconds);
        double jitter = (Random.Shared.NextDouble() * 2 - 1) * Jitter.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(seconds * 1000 + jitter);
    }
}
