using System.Runtime.CompilerServices;
using Bronze.Storage;

namespace Bronze.Tests.Partitions;

/// <summary>A store whose every answer (each read of an opened object and each listed entry too) arrives on a new context.</summary>
internal sealed class ForeignContextStore(IObjectStore inner, ForeignContexts contexts) : IObjectStore
{
    public string Description => inner.Description;

    public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        contexts.ResumeOnNewContext(inner.PutIfAbsentAsync(key, content, cancellationToken));

    public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
        contexts.ResumeOnNewContext(inner.PutFileIfAbsentAsync(key, filePath, cancellationToken));

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) =>
        contexts.ResumeOnNewContext(inner.StatAsync(key, cancellationToken));

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        new ForeignContextStream(await contexts.ResumeOnNewContext(inner.OpenReadAsync(key, cancellationToken)).ConfigureAwait(false), contexts);

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        contexts.ResumeOnNewContext(inner.ReadRangeAsync(key, offset, length, cancellationToken));

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (ObjectInfo info in inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            yield return await contexts.ResumeOnNewContext(Task.FromResult(info)).ConfigureAwait(false);
    }

    private sealed class ForeignContextStream(Stream inner, ForeignContexts contexts) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            await contexts.ResumeOnNewContext(inner.ReadAsync(buffer, cancellationToken).AsTask()).ConfigureAwait(false);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await contexts.ResumeOnNewContext(Task.FromResult(true)).ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
