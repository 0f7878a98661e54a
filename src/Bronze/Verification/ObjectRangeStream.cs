using Bronze.Storage;

namespace Bronze.Verification;

/// <summary>
/// A read-only, seekable view of one stored object for a Parquet footer reader, which reads the leading magic, the
/// last 8 bytes, then the footer: it fetches with ranged reads only what it does not hold already. A caller that read
/// the whole object anyway (verification hashes it) hands over the head and tail it kept, so a footer inside them
/// costs no request; otherwise the last 64 KiB are fetched together on the first read there, so a footer reader costs
/// two requests for most files, however large the file.
/// </summary>
/// <param name="store">The store holding the object.</param>
/// <param name="key">The object's key.</param>
/// <param name="length">The object's size, from a stat or a full read.</param>
/// <param name="head">The object's first bytes, when the caller has them.</param>
/// <param name="tail">The object's last bytes, when the caller has them.</param>
internal sealed class ObjectRangeStream(IObjectStore store, string key, long length, byte[]? head = null, byte[]? tail = null) : Stream
{
    /// <summary>How many of the last bytes are fetched together when no tail was handed over.</summary>
    public const int TailBlock = 64 << 10;

    private readonly byte[] _head = head ?? [];
    private byte[]? _tail = tail;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        if (count == 0) return 0;
        long tailStart = _tail is null ? Math.Max(0, length - TailBlock) : length - _tail.Length;
        Memory<byte> target = buffer[..count];
        if (_position + count <= _head.Length)
        {
            _head.AsMemory((int)_position, count).CopyTo(target);
        }
        else if (_position >= tailStart)
        {
            _tail ??= await ReadExactAsync(tailStart, (int)(length - tailStart), cancellationToken).ConfigureAwait(false);
            _tail.AsMemory((int)(_position - tailStart), count).CopyTo(target);
        }
        else
        {
            // Only the bytes before a tail in hand are fetched: a footer longer than the kept tail costs what it lacks.
            int missing = _tail is null ? count : (int)Math.Min(count, tailStart - _position);
            (await ReadExactAsync(_position, missing, cancellationToken).ConfigureAwait(false)).CopyTo(target);
            _tail?.AsMemory(0, count - missing).CopyTo(target[missing..]);
        }

        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task<byte[]> ReadExactAsync(long offset, int count, CancellationToken cancellationToken)
    {
        byte[] bytes = await store.ReadRangeAsync(key, offset, count, cancellationToken).ConfigureAwait(false);
        if (bytes.Length != count)
        {
            throw new BronzeException(BronzeErrorKind.StoreFailure,
                $"'{key}' in {store.Description} changed while it was read: {count} bytes at {offset} were expected, {bytes.Length} came.");
        }

        return bytes;
    }
}
