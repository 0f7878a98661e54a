namespace Bronze.S3.Upload;

/// <summary>
/// Content ready for upload, with its digest known: bytes in memory, or a local file (the caller's, or a temporary
/// spool file this object deletes when disposed).
/// </summary>
internal sealed class StagedContent : IDisposable
{
    private readonly byte[]? _buffer;
    private readonly string? _path;
    private readonly bool _ownsFile;

    private StagedContent(ContentDigest digest, byte[]? buffer, string? path, bool ownsFile)
    {
        Digest = digest;
        _buffer = buffer;
        _path = path;
        _ownsFile = ownsFile;
    }

    public ContentDigest Digest { get; }

    public long Size => Digest.Size;

    public static StagedContent InMemory(byte[] buffer, ContentDigest digest) => new(digest, buffer, null, ownsFile: false);

    public static StagedContent File(string path, ContentDigest digest, bool ownsFile) => new(digest, null, path, ownsFile);

    /// <summary>A fresh read-only stream over the content, from its start.</summary>
    public Stream OpenRead() => _buffer is not null
        ? new MemoryStream(_buffer, 0, checked((int)Digest.Size), writable: false)
        : new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void Dispose()
    {
        if (_ownsFile && _path is not null) System.IO.File.Delete(_path);
    }
}
