using System.Globalization;
using Bronze.Galexie;

namespace Bronze;

/// <summary>How a <see cref="GalexieLedgerSource"/> reads a lake. Every default is documented on its property.</summary>
public sealed record GalexieSourceOptions
{
    /// <summary>The default of <see cref="MaxReadsInFlight"/>.</summary>
    public const int DefaultMaxReadsInFlight = 32;

    /// <summary>The most <see cref="MaxReadsInFlight"/> allowed.</summary>
    public const int MaxReadsInFlightLimit = 512;

    /// <summary>
    /// Batch files read at once per partition (GETs in flight on S3 and GCS; each read also decompresses and decodes
    /// its batch, so a local lake uses the cores). Batches are still delivered in ledger order. Default 32: with one
    /// ledger per batch, a cloud lake is latency-bound and needs many requests in flight.
    /// </summary>
    public int MaxReadsInFlight { get; init; } = DefaultMaxReadsInFlight;

    /// <summary>
    /// About how many decompressed bytes one partition's read holds ahead of the writer; fewer reads are in flight when
    /// batches are large. Default 64 MiB; at least 1 MiB. One batch is always read, whatever its size.
    /// </summary>
    public long MaxBytesAhead { get; init; } = 64L << 20;

    /// <summary>
    /// How many times a batch read is tried when it fails transiently (a dropped connection, a 5xx, throttling), with
    /// exponential backoff. Default 5; 1 to 20. A missing or corrupt batch is never retried.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff delay; each retry doubles it (with jitter). Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Receives ledgers whose transaction and operation counts are unknown (an arm this build cannot decode); the rows
    /// are still written, with null counts. Called from worker threads; must be thread-safe. Default none.
    /// </summary>
    public IProgress<GalexieNotice>? Notices { get; init; }

    /// <summary>Checks every value and returns the options.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming the option and the rule.</exception>
    public GalexieSourceOptions Validate()
    {
        if (MaxReadsInFlight is < 1 or > MaxReadsInFlightLimit)
            throw BronzeException.Invalid("reads_in_flight", $"be between 1 and {MaxReadsInFlightLimit}", MaxReadsInFlight.ToString(CultureInfo.InvariantCulture));
        if (MaxBytesAhead < 1 << 20)
            throw BronzeException.Invalid("bytes_ahead", "be at least 1 MiB", MaxBytesAhead.ToString(CultureInfo.InvariantCulture));
        if (MaxAttempts is < 1 or > 20)
            throw BronzeException.Invalid("max_attempts", "be between 1 and 20", MaxAttempts.ToString(CultureInfo.InvariantCulture));
        if (RetryDelay < TimeSpan.Zero)
            throw BronzeException.Invalid("retry_delay", "not be negative", RetryDelay.ToString());
        return this;
    }
}
