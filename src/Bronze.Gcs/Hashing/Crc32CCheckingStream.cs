
namespace Bronze.Gcs.Hashing;

/// <summary>
/// The body of an object download: computes the crc32c of the bytes as they are read and, at the end, checks them
/// and their count against what the server said it stores, so a corrupted download never passes silently.
/// </summary>
internal sealed class Crc32CCheckingStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly uint _expectedCrc;
    private readonly long? _expectedLength;
    private readonly string _what;
    private uint _crc = Crc32C.Initial;
    private long _read;
    private bool _checked;

    /// <param name="response">The download's response, disposed with this stream.</param>
    /// <param name="body">The response's body stream.</param>
    /// <param name="expectedCrc">The crc32c the server reported for the object.</param>
    /// <param name="expectedLength">The size the server reported, when it did.</param>
    /// <param name="what">The object, for messages.</param>
    public Crc32CCheckingStream(HttpResponseMessage response, Stream body, uint expectedCrc, long? expectedLength, string what)
    {
        _response = response;
        _body = body;
        _expectedCrc = expectedCrc;
        _expectedLength = expectedLength;
        _what = what;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => _expectedLength ?? throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int read = _body.Read(buffer);
        return Account(buffer[..read], buffer.Length);
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
            read = await _body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new BronzeException(
                BronzeErrorKind.StoreFailure, $"Reading {_what} failed after {_read} bytes: {e.Message}", isTransient: true, innerException: e);
        }

        return Account(buffer.Span[..read], buffer.Length);
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
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> read, int asked)
    {
        _crc = Crc32C.Append(_crc, read);
        _read += read.Length;
        if (read.Length == 0 && asked > 0 && !_checked)
        {
            _checked = true;
            uint actual = Crc32C.Finish(_crc);
            if (_expectedLength is long length && length != _read)
            {
                throw new BronzeException(
                    BronzeErrorKind.IntegrityMismatch, $"{_what}: the server stores {length} bytes but sent {_read}.");
            }

            if (actual != _expectedCrc)
            {
                throw new BronzeException(
                    BronzeErrorKind.IntegrityMismatch,
                    $"{_what}: the bytes read have crc32c {Crc32C.ToBase64(actual)}, the server stores {Crc32C.ToBase64(_expectedCrc)}.");
            }
        }

        return read.Length;
    }
}
