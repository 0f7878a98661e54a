using System.Buffers;

namespace Bronze.Tests.Storage;

/// <summary>
/// A buffer pool for tests: hands out new arrays, counts them, and on return checks the array was out and fills it with
/// garbage, as another renter would, so that a write still reading a returned buffer would publish wrong bytes.
/// </summary>
internal sealed class CheckingPool : ArrayPool<byte>
{
    private readonly HashSet<byte[]> _out = new(ReferenceEqualityComparer.Instance);
    private int _rented;

    /// <summary>The number of buffers rented so far.</summary>
    public int Rented
    {
        get
        {
            lock (_out) return _rented;
        }
    }

    /// <summary>The number of buffers rented and not returned yet.</summary>
    public int Outstanding
    {
        get
        {
            lock (_out) return _out.Count;
        }
    }

    /// <inheritdoc />
    public override byte[] Rent(int minimumLength)
    {
        var buffer = new byte[minimumLength];
        lock (_out)
        {
            _out.Add(buffer);
            _rented++;
        }

        return buffer;
    }

    /// <inheritdoc />
    public override void Return(byte[] array, bool clearArray = false)
    {
        lock (_out)
        {
            if (!_out.Remove(array)) throw new InvalidOperationException("a buffer returned twice, or one this pool never rented");
        }

        Array.Fill(array, (byte)0xEE);
    }
}
