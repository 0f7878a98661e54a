using System.Buffers;

namespace Bronze.Parquet.Compression.Zstd;

/// <summary>
/// Reads the decompressed bytes of a zstd stream: one or more frames, with or without a content size in their headers
/// (galexie's <c>.xdr.zst</c> files), through libzstd's streaming decoder. Memory stays bounded by zstd's window
/// (at most 128 MiB, libzstd's default limit) plus one input chunk, whatever the stream's length.
/// </summary>
/// <remarks>Read-only and forward-only. Not thread-safe.</remarks>
public sealed class ZstdDecompressionStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly ZstdLibrary _library;
    private readonly ZstdContextHandle _context;
    private byte[]? _input;
    private int _inputStart;
    private int _inputEnd;
    private bool _innerEnded;
    private bool _frameOpen;
    private bool _sawInput;

    /// <summary>Creates a stream that decompresses <paramref name="inner"/>.</summary>
    /// <param name="inner">The compressed bytes, read forward from its current position.</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="inner"/> open; by default it is disposed too.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="inner"/> cannot be read.</exception>
    /// <exception cref="CodecUnavailableException"><c>libzstd.so.1</c> cannot be loaded.</exception>
    public unsafe ZstdDecompressionStream(Stream inner, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!inner.CanRead) throw new ArgumentException("The compressed stream cannot be read.", nameof(inner));
        _library = ZstdLibrary.Shared;
        _inner = inner;
        _leaveOpen = leaveOpen;
        _context = ZstdContextHandle.CreateDecompression(_library);
        _input = ArrayPool<byte>.Shared.Rent((int)_library.DStreamInSize());
    }

    /// <inheritdoc/>
    public override bool CanRead => _input is not null;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <summary>Not supported: the decompressed length is not known in advance.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Length => throw new NotSupportedException();

    /// <summary>Not supported.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads decompressed bytes.</summary>
    /// <param name="buffer">Where to put them.</param>
    /// <returns>How many were read; 0 at the end of the last frame.</returns>
    /// <exception cref="InvalidDataException">The input is not zstd, is corrupt, or ends inside a frame.</exception>
    /// <exception cref="ObjectDisposedException">The stream was disposed.</exception>
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_input is null, this);
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            if (_inputStart == _inputEnd && !_innerEnded) Refill(_inner.Read(_input, 0, _input.Length));
            if (TryStep(buffer, out int produced)) return produced;
        }
    }

    /// <inheritdoc cref="Read(Span{byte})"/>
    /// <param name="buffer">Where to put them.</param>
    /// <param name="offset">The first index in <paramref name="buffer"/> to fill.</param>
    /// <param name="count">The most bytes to read.</param>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <summary>Reads decompressed bytes, reading the compressed stream asynchronously.</summary>
    /// <param name="buffer">Where to put them.</param>
    /// <param name="cancellationToken">Cancels the read of the compressed stream.</param>
    /// <returns>How many were read; 0 at the end of the last frame.</returns>
    /// <exception cref="InvalidDataException">The input is not zstd, is corrupt, or ends inside a frame.</exception>
    /// <exception cref="ObjectDisposedException">The stream was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_input is null, this);
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            if (_inputStart == _inputEnd && !_innerEnded)
            {
                Refill(await _inner.ReadAsync(_input.AsMemory(), cancellationToken).ConfigureAwait(false));
            }

            if (TryStep(buffer.Span, out int produced)) return produced;
        }
    }

    /// <inheritdoc cref="ReadAsync(Memory{byte}, CancellationToken)"/>
    /// <param name="buffer">Where to put them.</param>
    /// <param name="offset">The first index in <paramref name="buffer"/> to fill.</param>
    /// <param name="count">The most bytes to read.</param>
    /// <param name="cancellationToken">Cancels the read of the compressed stream.</param>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Does nothing: the stream is read-only.</summary>
    public override void Flush()
    {
    }

    /// <summary>Not supported.</summary>
    /// <param name="offset">Ignored.</param>
    /// <param name="origin">Ignored.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <summary>Not supported.</summary>
    /// <param name="value">Ignored.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Not supported.</summary>
    /// <param name="buffer">Ignored.</param>
    /// <param name="offset">Ignored.</param>
    /// <param name="count">Ignored.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (_input is not null && !_leaveOpen) await _inner.DisposeAsync().ConfigureAwait(false);
        Release();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_input is not null && !_leaveOpen) _inner.Dispose();
            Release();
        }

        base.Dispose(disposing);
    }

    private void Release()
    {
        _context.Dispose();
        byte[]? input = _input;
        _input = null;
        if (input is not null) ArrayPool<byte>.Shared.Return(input);
    }

    private void Refill(int read)
    {
        _inputStart = 0;
        _inputEnd = read;
        if (read == 0) _innerEnded = true;
        else _sawInput = true;
    }

    /// <summary>One call to <c>ZSTD_decompressStream</c> on the buffered input.</summary>
    /// <returns>Whether the read is answered: bytes were produced, or the stream has ended cleanly.</returns>
    private unsafe bool TryStep(Span<byte> buffer, out int produced)
    {
        fixed (byte* input = _input)
        fixed (byte* output = buffer)
        {
            var inBuffer = new ZstdInBuffer { Source = input + _inputStart, Size = (nuint)(_inputEnd - _inputStart) };
            var outBuffer = new ZstdOutBuffer { Destination = output, Size = (nuint)buffer.Length };
            nuint hint = _library.CheckData(
                _library.DecompressStream(_context.Get(), &outBuffer, &inBuffer),
                "decompressing a stream");
            _inputStart += (int)inBuffer.Position;
            produced = (int)outBuffer.Position;

            // 0 means a frame ended and everything it held was flushed. A call that moved nothing says nothing about
            // frames (between frames libzstd still hints at the next header's size), so it keeps the last state.
            if (inBuffer.Position > 0 || produced > 0) _frameOpen = hint != 0;
        }

        if (produced > 0) return true;
        if (!_innerEnded || _inputStart < _inputEnd) return false;
        if (!_sawInput) throw new InvalidDataException("Corrupt ZSTD data: the stream is empty, not even one frame.");
        if (_frameOpen) throw new InvalidDataException("Corrupt ZSTD data: the stream ends inside a frame (truncated).");
        return true;
    }
}
