using Bronze.Storage;

namespace Bronze.Cli.Stores;

/// <summary>
/// A read-only, seekable view of one stored object that fetches only what is read, with ranged reads. The last
/// 64 KiB are fetched together on the first read there, so a Parquet footer reader (4 bytes at the start, the last
/// 8, then the footer) costs two requests for most files, however large the file.
/// </summary>
internal sealed class ObjectRangeStream(IObjectStore store, string key, long length) : Stream
{
    private const int TailBlock = 64 << 10;
    private byte[]? _tail;
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
        long tailStart = Math.Max(0, length - TailBlock);
        byte[] bytes;
        int from;
        if (_position >= tailStart)
        {
            _tail ??= await ReadExactAsync(tailStart, (int)(length - tailStart), cancellationToken).ConfigureAwait(false);
            (bytes, from) = (_tail, (int)(_position - tailStart));
        }
        else
        {
            (bytes, from) = (await ReadExactAsync(_position, count, cancellationToken).ConfigureAwait(false), 0);
        }

        bytes.AsSpan(from, count).CopyTo(buffer.Span);
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
