using System.Net;
using System.Text;
using Bronze.Testing;

namespace Bronze.S3.Tests.Support;

/// <summary>
/// A scripted HTTP endpoint standing in for S3 where no real server answers on demand (409 ConditionalRequestConflict,
/// a 412 whose HEAD shows a given write id, an ETag that disagrees with the bytes): each request goes to the script,
/// which returns the status, headers and XML error code to answer with. Records each request as <c>METHOD</c>.
/// </summary>
public sealed class ScriptedS3 : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly List<string> _methods = [];
    private readonly List<string> _requests = [];
    private readonly Func<HttpListenerRequest, byte[], Answer> _script;

    /// <summary>Starts serving on a free loopback port.</summary>
    /// <param name="script">Gives the answer to each request.</param>
    public ScriptedS3(Func<HttpListenerRequest, Answer> script)
        : this((request, _) => script(request))
    {
    }

    /// <summary>Starts serving on a free loopback port.</summary>
    /// <param name="script">Gives the answer to each request, given the request's body.</param>
    public ScriptedS3(Func<HttpListenerRequest, byte[], Answer> script)
    {
        _script = script;
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    /// <summary>The endpoint to give S3StoreOptions.ServiceUrl.</summary>
    public Uri Endpoint => _server.Endpoint;

    /// <summary>The methods of the requests so far, in order.</summary>
    public IReadOnlyList<string> Methods
    {
        get
        {
            lock (_methods) return [.. _methods];
        }
    }

    /// <summary>The requests so far, in order, as <c>METHOD ?query</c>.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_methods) return [.. _requests];
        }
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();

    /// <summary>Options of a store on this endpoint (bucket "bucket", dummy keys, no retries).</summary>
    public S3StoreOptions StoreOptions() => new()
    {
        Bucket = "bucket",
        ServiceUrl = Endpoint,
        Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b"),
        MaxRetries = 0,
    };

    private async Task AnswerAsync(HttpListenerContext context)
    {
        lock (_methods)
        {
            _methods.Add(context.Request.HttpMethod);
            _requests.Add($"{context.Request.HttpMethod} {context.Request.Url!.Query}");
        }

        using var requestBody = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(requestBody);
        Answer answer = _script(context.Request, requestBody.ToArray());
        context.Response.StatusCode = answer.Status;
        foreach ((string name, string value) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (answer.Body is { } xml)
        {
            byte[] body = Encoding.UTF8.GetBytes(xml);
            context.Response.ContentType = "application/xml";
            await context.Response.OutputStream.WriteAsync(body);
        }
        else if (answer.ErrorCode is { } code && context.Request.HttpMethod != "HEAD")
        {
            byte[] body = Encoding.UTF8.GetBytes(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>scripted</Message></Error>");
            context.Response.ContentType = "application/xml";
            await context.Response.OutputStream.WriteAsync(body);
        }

        context.Response.Close();
    }

    /// <summary>What the endpoint answers to one request.</summary>
    /// <param name="Status">The HTTP status.</param>
    /// <param name="Headers">Response headers (ETag, x-amz-meta-*, ...).</param>
    /// <param name="ErrorCode">The S3 error code of an XML error body, if any.</param>
    /// <param name="Body">An XML body (a result rather than an error), if any.</param>
    public sealed record Answer(int Status, IReadOnlyDictionary<string, string>? Headers = null, string? ErrorCode = null, string? Body = null)
    {
        /// <summary>ListObjectsV2 of an empty bucket "bucket" (how the store tells a missing key from a missing bucket).</summary>
        public static Answer EmptyListing { get; } = new(200, Body:
            "<ListBucketResult><Name>bucket</Name><KeyCount>0</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>");

        /// <summary>InitiateMultipartUpload of key "k" in "bucket", as upload "u1".</summary>
        public static Answer UploadStarted { get; } = new(200, Body:
            "<InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>k</Key><UploadId>u1</UploadId></InitiateMultipartUploadResult>");
    }
}
