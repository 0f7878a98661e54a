using System.Buffers.Binary;
using Bronze.Parquet.Encoders;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Writing;

/// <summary>
/// Min, max and null count of one column chunk, in the column's sort order: signed or unsigned by logical type for
/// integers, IEEE order without NaN for doubles (zero min written as -0, zero max as +0, as the format asks), unsigned
/// bytewise for binary. Min and max come out PLAIN-encoded, as the footer stores them.
/// </summary>
internal sealed class StatisticsCollector : IDisposable
{
    private readonly bool _unsigned;
    private readonly PooledBuffer _minBytes = new(64);
    private readonly PooledBuffer _maxBytes = new(64);
    private long _minInteger;
    private long _maxInteger;
    private double _minDouble;
    private double _maxDouble;
    private bool _hasValue;

    public StatisticsCollector(bool unsignedOrder) => _unsigned = unsignedOrder;

    public long NullCount { get; set; }

    public void Reset()
    {
        NullCount = 0;
        _hasValue = false;
        _minBytes.Clear();
        _maxBytes.Clear();
    }

    public void AddInt32(int value) => AddInteger(_unsigned ? (uint)value : value);

    public void AddInt64(long value)
    {
        if (!_unsigned)
        {
            AddInteger(value);
            return;
        }

        if (!_hasValue)
        {
            _minInteger = _maxInteger = value;
            _hasValue = true;
            return;
        }

        if ((ulong)value < (ulong)_minInteger) _minInteger = value;
        if ((ulong)value > (ulong)_maxInteger) _maxInteger = value;
    }

    public void AddDouble(double value)
    {
        if (double.IsNaN(value)) return;
        if (!_hasValue)
        {
            _minDouble = _maxDouble = value;
            _hasValue = true;
            return;
        }

        if (value < _minDouble) _minDouble = value;
        if (value > _maxDouble) _maxDouble = value;
    }

    public void AddBoolean(bool value) => AddInteger(value ? 1 : 0);

    public void AddBytes(ReadOnlySpan<byte> value)
    {
        if (!_hasValue)
        {
            _minBytes.Write(value);
            _maxBytes.Write(value);
            _hasValue = true;
            return;
        }

        if (value.SequenceCompareTo(_minBytes.Span) < 0)
        {
            _minBytes.Clear();
            _minBytes.Write(value);
        }
        else if (value.SequenceCompareTo(_maxBytes.Span) > 0)
        {
            _maxBytes.Clear();
            _maxBytes.Write(value);
        }
    }

    /// <summary>The PLAIN-encoded min and max, or null when there is no value or they exceed <paramref name="maxLength"/>.</summary>
    public (byte[] Min, byte[] Max)? MinMax(ParquetPhysicalType type, int maxLength)
    {
        if (!_hasValue) return null;
        switch (type)
        {
            case ParquetPhysicalType.Boolean:
                return ([(byte)_minInteger], [(byte)_maxInteger]);
            case ParquetPhysicalType.Int32:
                return (Int32Bytes((int)_minInteger), Int32Bytes((int)_maxInteger));
            case ParquetPhysicalType.Int64:
                return (Int64Bytes(_minInteger), Int64Bytes(_maxInteger));
            case ParquetPhysicalType.Double:
                double min = _minDouble == 0 ? -0.0 : _minDouble;
                double max = _maxDouble == 0 ? 0.0 : _maxDouble;
                return (Int64Bytes(BitConverter.DoubleToInt64Bits(min)), Int64Bytes(BitConverter.DoubleToInt64Bits(max)));
            default:
                if (_minBytes.Length > maxLength || _maxBytes.Length > maxLength) return null;
                return (_minBytes.Span.ToArray(), _maxBytes.Span.ToArray());
        }
    }

    public void Dispose()
    {
        _minBytes.Dispose();
        _maxBytes.Dispose();
    }

    private void AddInteger(long value)
    {
        if (!_hasValue)
        {
            _minInteger = _maxInteger = value;
            _hasValue = true;
            return;
        }

        if (value < _minInteger) _minInteger = value;
        if (value > _maxInteger) _maxInteger = value;
    }

    private static byte[] Int32Bytes(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Int64Bytes(long value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }
}
