namespace Bronze.S3.Upload;

/// <summary>
/// Content ready for upload, with its digest known: bytes in memory, or a local file (the caller's, or a temporary
/// spool file this object deletes when disposed).
/// </summary>
internal sealed class StagedContent : IDisposable
{
    private readonly byte[]? _buffer;
    private readonly string? _path;
    private readonly string? _spoolPath; // the file to delete when disposed: ours, never the caller's

    private StagedContent(ContentDigest digest, byte[]? buffer, string? path, string? spoolPath)
    {
        Digest = digest;
        _buffer = buffer;
        _path = path;
        _spoolPath = spoolPath;
    }

    public ContentDigest Digest { get; }

    public long Size => Digest.Size;

    /// <summary>The first <see cref="ContentDigest.Size"/> bytes of <paramref name="buffer"/> (at most the memory buffer, an int).</summary>
    public static StagedContent InMemory(byte[] buffer, ContentDigest digest) => new(digest, buffer, null, null);

    /// <summary>The caller's file, left in place.</summary>
    public static StagedContent CallersFile(string path, ContentDigest digest) => new(digest, null, path, null);

    /// <summary>A spool file this content owns and deletes when disposed.</summary>
    public static StagedContent Spooled(string path, ContentDigest digest) => new(digest, null, path, path);

    /// <summary>A fresh read-only stream over the content, from its start.</summary>
    /// <remarks>The file's 64 KiB buffer serves the SDK's small reads of a PutObject body with fewer system calls.</remarks>
    public Stream OpenRead() => _buffer is not null
        ? new MemoryStream(_buffer, 0, (int)Digest.Size, writable: false)
        : new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 65_536, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void Dispose()
    {
        if (_spoolPath is not null) File.Delete(_spoolPath);
    }
}
