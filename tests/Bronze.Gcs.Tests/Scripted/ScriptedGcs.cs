using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bronze.Gcs.Hashing;
using Bronze.Testing;

namespace Bronze.Gcs.Tests.Scripted;

/// <summary>
/// A scripted HTTP endpoint standing in for Cloud Storage's JSON API where the emulator cannot answer on demand (a
/// final chunk that lands but whose answer is lost, 5xx then success, a stored object whose crc32c or size disagrees
/// with the bytes sent, 412 at commit). By default it answers as Cloud Storage does (<see cref="Honest"/>): resumable
/// sessions with <c>ifGenerationMatch=0</c> checked at start and at commit, the <c>x-goog-hash</c> crc32c verified,
/// <c>DELETE</c> cancelling a session; the script decides each answer and may call <see cref="Honest"/> to apply the
/// request to that state first.
/// </summary>
public sealed class ScriptedGcs : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly List<Request> _requests = [];
    private readonly Dictionary<string, StoredObject> _objects = [];
    private readonly Dictionary<string, Session> _sessions = [];
    private readonly Func<Request, ScriptedGcs, Answer> _script;

    /// <summary>Starts serving on a free loopback port.</summary>
    /// <param name="script">Gives the answer to each request; <see langword="null"/> answers every one honestly.</param>
    public ScriptedGcs(Func<Request, ScriptedGcs, Answer>? script = null)
    {
        _script = script ?? ((request, server) => server.Honest(request));
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    /// <summary>The kinds of request a store makes.</summary>
    public enum Kind
    {
        /// <summary>POST starting a resumable upload session.</summary>
        Initiate,

        /// <summary>PUT of a chunk (or a status query) on a session.</summary>
        Chunk,

        /// <summary>GET of an object's metadata.</summary>
        Stat,

        /// <summary>DELETE of a session (cancels it).</summary>
        Cancel,

        /// <summary>Anything else.</summary>
        Other,
    }

    /// <summary>The endpoint to give GcsStoreOptions.Endpoint.</summary>
    public Uri Endpoint => _server.Endpoint;

    /// <summary>The requests so far, in order.</summary>
    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_requests) return [.. _requests];
        }
    }

    /// <summary>The kinds of the requests so far, in order.</summary>
    public IReadOnlyList<Kind> Kinds => [.. Requests.Select(r => r.Kind)];

    /// <summary>The objects stored, by name.</summary>
    public IReadOnlyDictionary<string, StoredObject> Objects
    {
        get
        {
            lock (_objects) return new Dictionary<string, StoredObject>(_objects);
        }
    }

    /// <summary>Stores an object as another writer would.</summary>
    public void Store(string name, byte[] bytes, string? writeId = null)
    {
        lock (_objects) _objects[name] = new StoredObject(bytes, writeId);
    }

    /// <summary>Applies <paramref name="request"/> to the state as Cloud Storage would and returns its answer.</summary>
    public Answer Honest(Request request)
    {
        lock (_objects)
        {
            return request.Kind switch
            {
                Kind.Initiate => Initiate(request),
                Kind.Chunk => Chunk(request),
                Kind.Stat => _objects.TryGetValue(request.Name, out StoredObject? stored)
                    ? Answer.Json(200, ObjectJson(request.Name, stored.Bytes.Length, Crc32C.ToBase64(Crc32C.Compute(stored.Bytes)), stored.WriteId))
                    : Answer.Error(404, "No such object"),
                Kind.Cancel => Cancel(request),
                _ => Answer.Error(501, "not scripted"),
            };
        }
    }

    /// <summary>The JSON of an object's metadata as Cloud Storage sends it.</summary>
    public static string ObjectJson(string name, long size, string crc32C, string? writeId)
    {
        var json = new JsonObject
        {
            ["kind"] = "storage#object",
            ["bucket"] = "bucket",
            ["name"] = name,
            ["generation"] = "1",
            ["size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["crc32c"] = crc32C,
        };
        if (writeId is not null) json["metadata"] = new JsonObject { ["bronze-write-id"] = writeId };
        return json.ToJsonString();
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();

    /// <summary>Options of a store on this endpoint (bucket "bucket", anonymous, no retries).</summary>
    public GcsStoreOptions StoreOptions() => new() { Bucket = "bucket", Endpoint = Endpoint, Anonymous = true, MaxRetries = 0 };

    private Answer Initiate(Request request)
    {
        if (request.Query.Contains("ifGenerationMatch=0", StringComparison.Ordinal) && _objects.ContainsKey(request.Name))
            return Answer.Error(412, "At least one of the pre-conditions you specified did not hold.");
        string id = (_sessions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _sessions[id] = new Session(request.Name, request.WriteId);
        return new Answer(200, Headers: new Dictionary<string, string>
        {
            ["Location"] = new Uri(Endpoint, $"upload/storage/v1/b/bucket/o?uploadType=resumable&upload_id={id}").ToString(),
        });
    }

    private Answer Chunk(Request request)
    {
        if (!_sessions.TryGetValue(request.SessionId, out Session? session)) return Answer.Error(404, "No such upload");
        if (session.Cancelled) return Answer.Error(499, "Upload cancelled");
        if (session.Committed) return Answer.Json(200, ObjectJson(session.Name, session.Bytes.Length, Crc32C.ToBase64(Crc32C.Compute(session.Bytes.ToArray())), session.WriteId));
        // "bytes a-b/total", "bytes */total", "bytes a-b/*"
        string range = request.ContentRange ?? "";
        string[] parts = range.Replace("bytes ", "", StringComparison.Ordinal).Split('/');
        if (parts[0] != "*")
        {
            long start = long.Parse(parts[0].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
            byte[] fresh = [.. request.Body.Skip(checked((int)(session.Bytes.Length - start)))];
            session.Bytes.Write(fresh);
        }

        if (parts.Length < 2 || parts[1] == "*" || long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) != session.Bytes.Length)
        {
            var headers = new Dictionary<string, string>();
            if (session.Bytes.Length > 0) headers["Range"] = $"bytes=0-{session.Bytes.Length - 1}";
            return new Answer(308, Headers: headers);
        }

        byte[] bytes = session.Bytes.ToArray();
        string crc = Crc32C.ToBase64(Crc32C.Compute(bytes));
        if (request.Crc32C is { } sent && sent != crc) return Answer.Error(400, "Provided CRC32C does not match the object's data.");
        if (_objects.ContainsKey(session.Name)) return Answer.Error(412, "At least one of the pre-conditions you specified did not hold.");
        _objects[session.Name] = new StoredObject(bytes, session.WriteId);
        session.Committed = true;
        return Answer.Json(200, ObjectJson(session.Name, bytes.Length, crc, session.WriteId));
    }

    private Answer Cancel(Request request)
    {
        if (_sessions.TryGetValue(request.SessionId, out Session? session)) session.Cancelled = true;
        return new Answer(499);
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Request request = await ReadAsync(context.Request);
        lock (_requests) _requests.Add(request);
        Answer answer = _script(request, this);
        context.Response.StatusCode = answer.Status;
        foreach ((string name, string value) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (answer.Body is { } body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json; charset=UTF-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
        }

        context.Response.Close();
    }

    private static async Task<Request> ReadAsync(HttpListenerRequest http)
    {
        using var body = new MemoryStream();
        await http.InputStream.CopyToAsync(body);
        string path = http.Url!.AbsolutePath;
        string query = http.Url.Query;
        string sessionId = System.Web.HttpUtility.ParseQueryString(query)["upload_id"] ?? "";
        string name = "";
        string? writeId = null;
        Kind kind = Kind.Other;
        if (path.StartsWith("/upload/", StringComparison.Ordinal) && http.HttpMethod == "POST")
        {
            kind = Kind.Initiate;
            JsonNode? json = body.Length > 0 ? JsonNode.Parse(body.ToArray()) : null;
            name = json?["name"]?.GetValue<string>() ?? System.Web.HttpUtility.ParseQueryString(query)["name"] ?? "";
            writeId = json?["metadata"]?["bronze-write-id"]?.GetValue<string>();
        }
        else if (path.StartsWith("/upload/", StringComparison.Ordinal))
        {
            kind = http.HttpMethod == "DELETE" ? Kind.Cancel : Kind.Chunk;
        }
        else if (http.HttpMethod == "GET" && path.StartsWith("/storage/v1/b/", StringComparison.Ordinal) && path.Contains("/o/", StringComparison.Ordinal))
        {
            kind = Kind.Stat;
            name = Uri.UnescapeDataString(path[(path.IndexOf("/o/", StringComparison.Ordinal) + 3)..]);
        }

        string? crc32C = http.Headers["x-goog-hash"]?.Split(',').Select(p => p.Trim())
            .FirstOrDefault(p => p.StartsWith("crc32c=", StringComparison.Ordinal))?["crc32c=".Length..];
        return new Request(kind, http.HttpMethod, query, name, sessionId, writeId, http.Headers["Content-Range"], crc32C, body.ToArray())
        {
            HashHeader = string.Join(", ", http.Headers.GetValues("x-goog-hash") ?? []),
            UploadLength = http.Headers["X-Upload-Content-Length"],
        };
    }

    /// <summary>One request as the endpoint saw it.</summary>
    /// <param name="Kind">What it is.</param>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Query">The query string.</param>
    /// <param name="Name">The object name (initiate, stat).</param>
    /// <param name="SessionId">The upload session (chunk, cancel).</param>
    /// <param name="WriteId">The write id in the object's metadata (initiate).</param>
    /// <param name="ContentRange">The Content-Range header (chunk).</param>
    /// <param name="Crc32C">The crc32c of the <c>x-goog-hash</c> header, base64.</param>
    /// <param name="Body">The request body.</param>
    public sealed record Request(
        Kind Kind, string Method, string Query, string Name, string SessionId, string? WriteId, string? ContentRange, string? Crc32C, byte[] Body)
    {
        /// <summary>Every value of the <c>x-goog-hash</c> header, joined by ", ".</summary>
        public string HashHeader { get; init; } = "";

        /// <summary>The <c>X-Upload-Content-Length</c> header (initiate): the object's size, when declared.</summary>
        public string? UploadLength { get; init; }

        /// <summary>Whether this is a chunk that declares the object's total size (the final one, or a status query).</summary>
        public bool IsFinal => Kind == Kind.Chunk && ContentRange is { } range && !range.EndsWith("/*", StringComparison.Ordinal);
    }

    /// <summary>An object the endpoint stores: its bytes and the write id in its metadata.</summary>
    public sealed record StoredObject(byte[] Bytes, string? WriteId);

    /// <summary>What the endpoint answers to one request.</summary>
    /// <param name="Status">The HTTP status.</param>
    /// <param name="Body">A JSON body, if any.</param>
    /// <param name="Headers">Response headers.</param>
    public sealed record Answer(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
    {
        /// <summary>A JSON answer.</summary>
        public static Answer Json(int status, string json) => new(status, json);

        /// <summary>An error in the JSON API's shape.</summary>
        public static Answer Error(int status, string message) =>
            new(status, JsonSerializer.Serialize(new { error = new { code = status, message, errors = new[] { new { message, reason = "scripted" } } } }));
    }

    private sealed class Session(string name, string? writeId)
    {
        public string Name { get; } = name;

        public string? WriteId { get; } = writeId;

        public MemoryStream Bytes { get; } = new();

        public bool Committed { get; set; }

        public bool Cancelled { get; set; }
    }
}
