using System.Buffers;
using Bronze.Storage;

namespace Bronze;

public sealed partial class LocalStore
{
    /// <summary>
    /// Cuts the content of a put into chunks of at most <see cref="BufferSize"/> bytes. A chunk stays valid while the
    /// next one is read, so that writing one overlaps hashing the next. A <see cref="MemoryStream"/> whose buffer is
    /// visible is sliced in place (no copy); any other stream is read into two pooled buffers in turn. The token is
    /// checked before each chunk: a chunk read while it was cancelled is the last one handed out.
    /// </summary>
    private sealed class ChunkReader : IDisposable
    {
        private readonly Stream _content;
        private readonly ArrayPool<byte> _pool;
        private readonly ReadOnlyMemory<byte> _memory;
        private readonly byte[][] _buffers = [];
        private int _next;
        private long _consumed;

        public ChunkReader(Stream content, ArrayPool<byte> pool)
        {
            _content = content;
            _pool = pool;
            if (content is MemoryStream memory && memory.TryGetBuffer(out ArraySegment<byte> segment))
                _memory = segment.AsMemory((int)Math.Min(memory.Position, segment.Count));
            else
                _buffers = [pool.Rent(BufferSize), pool.Rent(BufferSize)];
        }

        /// <summary>The next chunk; empty at the end of the content.</summary>
        public async ValueTask<ReadOnlyMemory<byte>> NextAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_buffers.Length == 0)
            {
                ReadOnlyMemory<byte> slice = _memory.Slice((int)_consumed, (int)Math.Min(BufferSize, _memory.Length - _consumed));
                _consumed += slice.Length;
                _content.Seek(slice.Length, SeekOrigin.Current);
                return slice;
            }

            byte[] buffer = _buffers[_next];
            _next ^= 1;
            int filled = 0;
            while (filled < BufferSize)
            {
                int read = await _content.ReadAsync(buffer.AsMemory(filled, BufferSize - filled), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                filled += read;
            }

            return buffer.AsMemory(0, filled);
        }

        /// <summary>Returns the pooled buffers; call only once no write can still be reading a chunk.</summary>
        public void Dispose()
        {
            foreach (byte[] buffer in _buffers) _pool.Return(buffer);
        }
    }
}
