using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Upload;

/// <summary>
/// A local file: the engine reads it through one handle while a second handle hashes it in parallel, so hashing
/// overlaps with sending instead of adding to it. The crc32c sent with the final chunk is the one of the bytes hashed;
/// if the file changed in between, the server's check refuses the upload and nothing is published.
/// </summary>
internal sealed class FileUploadContent : IUploadContent
{
    private const int BufferSize = 1 << 20;
    private readonly FileStream _body;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<ContentHashes> _hashes;
    private readonly string _path;

    /// <summary>Opens the file and starts hashing it.</summary>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.NotFound"/> when the file does not exist.</exception>
    public FileUploadContent(string path)
    {
        _path = path;
        _body = Open(path);
        _hashes = Task.Run(() => HashAsync(path, _stop.Token));
    }

    /// <inheritdoc/>
    public Stream Body => _body;

    /// <inheritdoc/>
    public long? Length => _body.Length;

    /// <inheritdoc/>
    public ExceptionDispatchInfo? SourceFailure =>
        _hashes.IsFaulted && _hashes.Exception.InnerException is { } e ? ExceptionDispatchInfo.Capture(e) : null;

    /// <inheritdoc/>
    public async Task<ContentHashes> SentHashesAsync(CancellationToken cancellationToken)
    {
        ContentHashes hashes = await _hashes.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (hashes.Size != _body.Length)
        {
            throw new BronzeException(
                BronzeErrorKind.IntegrityMismatch, $"The file '{_path}' changed while it was uploaded ({_body.Length} bytes, then {hashes.Size}).");
        }

        return hashes;
    }

    /// <inheritdoc/>
    public Task<ContentHashes> WholeHashesAsync(CancellationToken cancellationToken) => _hashes.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _hashes.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            // Hashing is only stopped here because the put is over; its outcome no longer matters.
        }

        _stop.Dispose();
        await _body.DisposeAsync().ConfigureAwait(false);
    }

    private static FileStream Open(string path)
    {
        try
        {
            // The engine reads in small pieces; a large buffer turns them into few system calls.
            return OpenRead(path, BufferSize);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw BronzeException.NotFound($"file '{path}'");
        }
    }

    private static async Task<ContentHashes> HashAsync(string path, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        uint crc = Crc32C.Initial;
        long size = 0;
        byte[] buffer = new byte[BufferSize];
        // Unbuffered: the loop reads into its own large buffer.
        FileStream file = OpenRead(path, 0);
        await using (file.ConfigureAwait(false))
        {
            // A read returns 0 only at the end (as in Stream.CopyToAsync).
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) != 0)
            {
                sha256.AppendData(buffer.AsSpan(0, read));
                crc = Crc32C.Append(crc, buffer.AsSpan(0, read));
                size += read;
            }
        }

        return new ContentHashes(size, Crc32C.Finish(crc), Convert.ToHexStringLower(sha256.GetHashAndReset()));
    }

    /// <summary>Both handles read the file once, front to back, and asynchronously.</summary>
    private static FileStream OpenRead(string path, int bufferSize) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
