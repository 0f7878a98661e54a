using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace Bronze.Gcs.Hashing;

/// <summary>
/// A read-only view of the content of a put that computes its size, sha256 and crc32c from the bytes as they are
/// read. Every byte is hashed exactly once, in order: the upload engine may seek back to resend a chunk the server
/// did not receive, and those bytes are not hashed again; reading past a byte never read is refused.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _seekable;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private uint _crc = Hashing.Crc32C.Initial;
    private long _position;

    /// <param name="inner">The content, positioned at its start; not disposed by this stream.</param>
    /// <param name="seekable">
    /// Whether to expose <paramref name="inner"/>'s length and seeking (a local file), which lets the upload engine
    /// announce the size up front; otherwise the content is read once, forward only, to its end.
    /// </param>
    public HashingReadStream(Stream inner, bool seekable)
    {
        _inner = inner;
        _seekable = seekable && inner.CanSeek;
    }

    /// <summary>
    /// The failure of the content itself, when reading it threw: the upload engine reports every exception alike,
    /// and a broken source must not be mistaken for a broken connection.
    /// </summary>
    public ExceptionDispatchInfo? SourceFailure { get; private set; }

    /// <summary>How many bytes, from the start, have been hashed.</summary>
    public long BytesHashed { get; private set; }

    /// <summary>The crc32c of the bytes hashed so far.</summary>
    public uint Crc32C => Hashing.Crc32C.Finish(_crc);

    /// <summary>The lower-case hex sha256 of the bytes hashed so far.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_sha256.GetCurrentHash());

    /// <summary>Reads and hashes whatever has not been read yet, so the hashes cover the whole content.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_seekable) Position = BytesHashed;
        byte[] buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => _seekable;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => _seekable ? _inner.Length : throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => _position;
        set
        {
            if (!_seekable) throw new NotSupportedException();
            _inner.Position = value;
            _position = value;
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SourceFailure = ExceptionDispatchInfo.Capture(e);
            throw;
        }

        Hash(buffer[..read]);
        return read;
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SourceFailure = ExceptionDispatchInfo.Capture(e);
            throw;
        }

        Hash(buffer.Span[..read]);
        return read;
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!_seekable) throw new NotSupportedException();
        _position = _inner.Seek(offset, origin);
        return _position;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha256.Dispose();
        base.Dispose(disposing);
    }

    private void Hash(ReadOnlySpan<byte> read)
    {
        long start = _position;
        _position += read.Length;
        if (start > BytesHashed)
        {
            throw new InvalidOperationException(
                $"The content was read from byte {start} before bytes {BytesHashed}-{start - 1} were read; its hash would have a gap.");
        }

        int skip = (int)Math.Min(read.Length, BytesHashed - start);
        ReadOnlySpan<byte> fresh = read[skip..];
        _sha256.AppendData(fresh);
        _crc = Hashing.Crc32C.Append(_crc, fresh);
        BytesHashed += fresh.Length;
    }
}
