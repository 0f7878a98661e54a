using System.Buffers;

namespace Bronze.Parquet.Writing;

/// <summary>
/// The page-segment arrays the writers of a process share. Reusing them from one file to the next (the copier writes
/// many) avoids faulting in fresh memory, which costs more than an UNCOMPRESSED copy; but once no writer has been open
/// for <see cref="IdleRelease"/>, the arrays are dropped, so that a host which has stopped writing gets its memory
/// back. At most <see cref="MaxArraysPerSize"/> arrays of each size are kept.
/// </summary>
internal sealed class SharedSegments : IDisposable
{
    public const int MaxArraysPerSize = 64;
    private const int MaxArrayLength = 16 << 20;

    private readonly Lock _gate = new();
    private readonly Timer _release;
    private ArrayPool<byte> _arrays = NewArrays();
    private int _open;

    /// <summary>Creates an empty set of arrays, released after <paramref name="idleRelease"/> without an open writer.</summary>
    public SharedSegments(TimeSpan idleRelease)
    {
        IdleRelease = idleRelease;
        _release = new Timer(_ => ReleaseIfIdle());
    }

    /// <summary>The process's arrays: kept 10 s after the last writer closed, enough for a copier's next file.</summary>
    public static SharedSegments Process { get; } = new(TimeSpan.FromSeconds(10));

    /// <summary>How long the arrays outlive the last open writer.</summary>
    public TimeSpan IdleRelease { get; }

    /// <summary>Writers open now; for tests.</summary>
    public int OpenWriters
    {
        get
        {
            lock (_gate) return _open;
        }
    }

    /// <summary>How many times the arrays were released; for tests.</summary>
    public int Releases { get; private set; }

    /// <summary>A writer opens: it gets the current arrays (and returns its segments there, even after a release).</summary>
    public ArrayPool<byte> Open()
    {
        lock (_gate)
        {
            _open++;
            _release.Change(Timeout.Infinite, Timeout.Infinite);
            return _arrays;
        }
    }

    /// <summary>A writer closed; after the last one, the release is scheduled.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (--_open == 0) _release.Change(IdleRelease, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _release.Dispose();

    private static ArrayPool<byte> NewArrays() => ArrayPool<byte>.Create(MaxArrayLength, MaxArraysPerSize);

    private void ReleaseIfIdle()
    {
        lock (_gate)
        {
            if (_open > 0) return;
            _arrays = NewArrays(); // the old pool, and every array it holds, becomes garbage
            Releases++;
        }
    }
}
