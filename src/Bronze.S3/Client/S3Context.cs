using Amazon.S3;
using Bronze.Storage;

namespace Bronze.S3.Client;

/// <summary>
/// What every operation of one <see cref="S3Store"/> shares: the clients, the bucket and root prefix, the options,
/// and one way to run a request with a deadline and typed errors.
/// </summary>
internal sealed class S3Context : IDisposable
{
    public S3Context(S3StoreOptions options)
    {
        Options = options;
        Client = S3ClientFactory.Create(options, options.MaxRetries);
        WriteClient = S3ClientFactory.Create(options, maxRetries: 0);
        Endpoint = options.ServiceUrl?.ToString().TrimEnd('/') ?? $"AWS S3 ({options.Region})";
        Description = options.Description;
    }

    public S3StoreOptions Options { get; }

    /// <summary>The clock of the store's own waits (the backoff between retries of a conditional write): the system's,
    /// or in tests one that records each wait, so that the backoff is checked without sleeping.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The client for reads and idempotent writes (parts): the SDK retries transient failures.</summary>
    public AmazonS3Client Client { get; }

    /// <summary>The client for conditional writes: no SDK retries, the store retries them itself.</summary>
    public AmazonS3Client WriteClient { get; }

    public string Bucket => Options.Bucket;

    public string Endpoint { get; }

    public string Description { get; }

    public bool ConditionalMultipart => Options.ConditionalMultipart ?? !Options.IsCustomEndpoint;

    public bool ChecksumSha256 => Options.ChecksumSha256 ?? !Options.IsCustomEndpoint;

    /// <summary>The bucket key of a store key.</summary>
    public string BucketKey(string key) => ObjectKey.Join(Options.Root, key);

    /// <summary>The deadline of one operation: the request timeout, plus one second per MiB of body.</summary>
    public TimeSpan Deadline(long bodyBytes = 0) => Options.RequestTimeout + TimeSpan.FromSeconds(bodyBytes / (double)(1 << 20));

    /// <summary>Runs <paramref name="operation"/> under a deadline and turns its failures into typed errors.</summary>
    /// <param name="action">What is being done, for messages.</param>
    /// <param name="deadline">How long it may take.</param>
    /// <param name="operation">The request(s), given a token that fires at the deadline or on cancellation.</param>
    /// <param name="cancellationToken">The caller's token: its cancellation is rethrown as is.</param>
    public async Task<T> RunAsync<T>(string action, TimeSpan deadline, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            return await operation(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (timeout.IsCancellationRequested)
        {
            throw S3Errors.TimedOut(action, deadline, Endpoint, e);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or IOException
            or System.Net.Sockets.SocketException)
        {
            throw S3Errors.Map(e, action, Bucket, Endpoint);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        WriteClient.Dispose();
    }
}
