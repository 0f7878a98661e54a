using Bronze.Storage;
using Bronze.Testing;
using static Bronze.Gcs.Tests.Scripted.ScriptedGcs;

namespace Bronze.Gcs.Tests.Scripted;

/// <summary>
/// What a put's session start tells the server about the size: a file declares its length
/// (<c>X-Upload-Content-Length</c>), so Cloud Storage refuses to commit any other size; a stream, whose length is not
/// known, declares none; and an empty file declares none either (the client refuses a declared 0) yet is stored.
/// </summary>
public sealed class SessionStartTests
{
    private const string Name = "k";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory(Timeout = 60_000)]
    [InlineData(true, "1000")]
    [InlineData(false, null)]
    public async Task PutAsync_FileOrStream_SessionDeclaresTheFilesLengthAndNoneForAStream(bool fromFile, string? declared)
    {
        using var server = new ScriptedGcs();
        byte[] content = new byte[1000];

        PutResult result = await PutAsync(server, content, fromFile);

        Assert.True(result.Created);
        Request start = Assert.Single(server.Requests, r => r.Kind == Kind.Initiate);
        Assert.Equal(declared, start.UploadLength);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PutAsync_EmptyContent_StoresAnEmptyObjectAndDeclaresNoLength(bool fromFile)
    {
        using var server = new ScriptedGcs();

        PutResult result = await PutAsync(server, [], fromFile);

        Assert.Equal(new PutResult(Name, PutOutcome.Created, 0, TestBytes.Sha256([])), result);
        Assert.Empty(server.Objects[Name].Bytes);
        Assert.Null(Assert.Single(server.Requests, r => r.Kind == Kind.Initiate).UploadLength);
    }

    private static async Task<PutResult> PutAsync(ScriptedGcs server, byte[] content, bool fromFile)
    {
        using var store = new GcsStore(server.StoreOptions());
        if (!fromFile) return await store.PutIfAbsentAsync(Name, new MemoryStream(content), Ct);
        using var folder = new TempDirectory();
        string file = Path.Join(folder.Path, "content.bin");
        await File.WriteAllBytesAsync(file, content, Ct);
        return await store.PutFileIfAbsentAsync(Name, file, Ct);
    }
}
