using System.Runtime.CompilerServices;
using Bronze.Storage;

namespace Bronze.Tests.Partitions;

/// <summary>
/// A store whose calls (each read and dispose of an opened object, and each listed entry, included) all complete at
/// once except call number <paramref name="suspendAt"/>, which suspends the caller: run once for each number, every
/// await of the caller is in turn the first to suspend, where a captured context would be seen.
/// </summary>
internal sealed class SuspendingStore(IObjectStore inner, CallerContext caller, int suspendAt) : IObjectStore
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Description => inner.Description;

    public Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        Answer(inner.PutIfAbsentAsync(key, content, cancellationToken));

    public Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default) =>
        Answer(inner.PutFileIfAbsentAsync(key, filePath, cancellationToken));

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) => Answer(inner.StatAsync(key, cancellationToken));

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        new SuspendingStream(await Answer(inner.OpenReadAsync(key, cancellationToken)).ConfigureAwait(false), this);

    public Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        Answer(inner.ReadRangeAsync(key, offset, length, cancellationToken));

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (ObjectInfo info in await inner.ListAsync(prefix, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false))
            yield return await Answer(Task.FromResult(info)).ConfigureAwait(false);
    }

    private Task<T> Answer<T>(Task<T> operation) =>
        Interlocked.Increment(ref _calls) == suspendAt ? caller.SuspendAsync(operation) : Task.FromResult(operation.GetAwaiter().GetResult());

    private sealed class SuspendingStream(Stream inner, SuspendingStore store) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(store.Answer(inner.ReadAsync(buffer, cancellationToken).AsTask()));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            store.Answer(inner.ReadAsync(buffer, offset, count, cancellationToken));

        public override ValueTask DisposeAsync()
        {
            inner.Dispose();
            return new(store.Answer(Task.FromResult(true)));
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
