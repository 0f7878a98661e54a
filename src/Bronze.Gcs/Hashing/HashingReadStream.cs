using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace Bronze.Gcs.Hashing;

/// <summary>
/// A forward-only, read-only view of a put's content that computes its size, sha256 and crc32c from the bytes as
/// they are read, so the hashes describe exactly what the upload engine sent.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private uint _crc = Hashing.Crc32C.Initial;
    private bool _disposed;

    /// <param name="inner">The content; read from where it stands to its end, and not disposed by this stream.</param>
    public HashingReadStream(Stream inner) => _inner = inner;

    /// <summary>
    /// The failure of the content itself, when reading it threw: the upload engine reports every exception alike,
    /// and a broken source must not be mistaken for a broken connection.
    /// </summary>
    public ExceptionDispatchInfo? SourceFailure { get; private set; }

    /// <summary>How many bytes have been read and hashed.</summary>
    public long BytesHashed { get; private set; }

    /// <summary>The crc32c of the bytes read so far.</summary>
    public uint Crc32C => Hashing.Crc32C.Finish(_crc);

    /// <summary>The lower-case hex sha256 of the bytes read so far.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_sha256.GetCurrentHash());

    /// <summary>Reads and hashes whatever has not been read yet, so the hashes cover the whole content.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <inheritdoc/>
    public override bool CanRead => !_disposed;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => BytesHashed;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        // Checked before the content is touched: the hash is gone, and bytes taken now would be lost to the caller.
        ObjectDisposedException.ThrowIf(_disposed, this);
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
        ObjectDisposedException.ThrowIf(_disposed, this);
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
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

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
        _disposed = true;
        base.Dispose(disposing);
    }

    private void Hash(ReadOnlySpan<byte> read)
    {
        _sha256.AppendData(read);
        _crc = Hashing.Crc32C.Append(_crc, read);
        BytesHashed += read.Length;
    }
}
