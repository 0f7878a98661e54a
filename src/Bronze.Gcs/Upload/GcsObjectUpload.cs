using Bronze.Gcs.Json;
using Bronze.Gcs.Http;
using Google.Apis.Services;
using Google.Apis.Upload;
using Google.Apis.Util;

namespace Bronze.Gcs.Upload;

/// <summary>
/// One <c>objects.insert</c> as a resumable upload on Google.Apis' engine (session, chunks, 308 + Range, resume
/// after a server error), with the put-if-absent precondition on the upload itself.
/// </summary>
internal sealed class GcsObjectUpload : ResumableUpload<GcsObject, GcsObject>
{
    private const string ContentTypeOctets = "application/octet-stream";

    public GcsObjectUpload(IClientService service, string bucket, string name, Stream content)
        : base(service, "/upload/" + GcsClientService.ApiPath + "b/{bucket}/o", "POST", content, ContentTypeOctets)
    {
        Bucket = bucket;
        Name = name;
        Body = new GcsObject { Name = name, ContentType = ContentTypeOctets };
    }

    /// <summary>The bucket, in the path.</summary>
    [RequestParameter("bucket", RequestParameterType.Path)]
    public string Bucket { get; }

    /// <summary>The object's name, also in the query as the API allows, for servers that read it only there.</summary>
    [RequestParameter("name", RequestParameterType.Query)]
    public string Name { get; }

    /// <summary>The resumable session's URI once the engine has started it; null before.</summary>
    /// <remarks>The engine keeps its own copy private and reports it (UploadSessionData) for seekable content only.</remarks>
    public Uri? SessionUri { get; private set; }

    /// <summary>0: create the object only if no live generation of it exists (the server answers 412 otherwise).</summary>
    [RequestParameter("ifGenerationMatch", RequestParameterType.Query)]
    public long? IfGenerationMatch { get; init; }

    /// <inheritdoc/>
    public override async Task<Uri> InitiateSessionAsync(CancellationToken cancellationToken = default)
    {
        Uri session = await base.InitiateSessionAsync(cancellationToken).ConfigureAwait(false);
        SessionUri = session;
        return session;
    }
}
