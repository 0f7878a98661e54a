using System.Buffers.Binary;
using System.Text.Unicode;
using Bronze.Parquet.Encoders;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Writing;

/// <summary>
/// Takes one column's values for the rows of the current batch (see <see cref="ParquetWriter.EndBatchAsync"/>).
/// Values are copied into the column's current page as they come, so spans may be reused right after a call, and
/// nothing is allocated per value. Each method checks the value against the column first and throws
/// <see cref="ParquetException"/> naming the column and the rule, leaving the column unchanged.
/// Not thread-safe: a writer and its columns are used by one thread at a time.
/// </summary>
public sealed partial class ParquetColumnWriter
{
    /// <summary>The column.</summary>
    public ParquetColumn Column { get; }

    /// <summary>The column's position in the schema.</summary>
    public int Index { get; }

    /// <summary>Writes a null. Only nullable (optional) columns take nulls.</summary>
    /// <exception cref="ParquetException">The column is required.</exception>
    public void WriteNull()
    {
        if (!Column.IsNullable) throw Invalid("is required (not nullable), so it cannot take a null");
        _levels!.Add(0);
        _statistics.NullCount++;
        ValueAdded();
    }

    /// <summary>Writes an INT32 value (also narrower logical integers, range-checked, and unsigned ones as their bit pattern).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ParquetException">The column is not INT32, or the value is outside its logical integer range.</exception>
    public void WriteInt32(int value)
    {
        Expect(ParquetPhysicalType.Int32, "WriteInt32");
        CheckInt32Range(value);

        if (_collectStatistics) _statistics.AddInt32(value);
        Span<byte> plain = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(plain, value);
        AddFixed(plain);
    }

    /// <summary>Writes an INT64 value (also timestamps, as units since the Unix epoch).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ParquetException">The column is not INT64.</exception>
    public void WriteInt64(long value)
    {
        Expect(ParquetPhysicalType.Int64, "WriteInt64");
        if (_collectStatistics) _statistics.AddInt64(value);
        Span<byte> plain = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(plain, value);
        AddFixed(plain);
    }

    /// <summary>Writes a timestamp, converted to the column's unit.</summary>
    /// <param name="value">The instant.</param>
    /// <exception cref="ParquetException">
    /// The column is not a timestamp, or the value has more precision than the column's unit.
    /// </exception>
    public void WriteTimestamp(DateTimeOffset value) => WriteInt64(TimestampUnits(value));

    /// <summary>Writes a DOUBLE value (NaN is stored but left out of the statistics).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ParquetException">The column is not DOUBLE.</exception>
    public void WriteDouble(double value)
    {
        Expect(ParquetPhysicalType.Double, "WriteDouble");
        if (_collectStatistics) _statistics.AddDouble(value);
        Span<byte> plain = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(plain, value);
        AddFixed(plain);
    }

    /// <summary>Writes a BOOLEAN value.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ParquetException">The column is not BOOLEAN.</exception>
    public void WriteBoolean(bool value)
    {
        Expect(ParquetPhysicalType.Boolean, "WriteBoolean");
        if (_collectStatistics) _statistics.AddBoolean(value);
        if (_pageNonNullCount % 8 == 0) _values.WriteByte(0);
        if (value) SetLastBit(_pageNonNullCount % 8);
        NonNullAdded();
    }

    /// <summary>Writes a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value.</summary>
    /// <param name="value">The bytes; copied before the call returns.</param>
    /// <exception cref="ParquetException">
    /// The column is neither, the length differs from a FIXED_LEN_BYTE_ARRAY's, or the value exceeds 2 GiB.
    /// </exception>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        CheckBytesLength(value.Length);
        if (_collectStatistics) _statistics.AddBytes(value);
        if (Column.PhysicalType == ParquetPhysicalType.FixedLenByteArray) AddFixed(value);
        else AddByteArray(value);
    }

    /// <summary>Writes text as UTF-8 into a BYTE_ARRAY (or a FIXED_LEN_BYTE_ARRAY of exactly its UTF-8 length).</summary>
    /// <param name="value">The text; encoded before the call returns.</param>
    /// <exception cref="ParquetException">
    /// The column holds neither, the text is not valid UTF-16 (a lone surrogate), or its UTF-8 length does not fit.
    /// </exception>
    public void WriteString(ReadOnlySpan<char> value)
    {
        if (Column.PhysicalType is not (ParquetPhysicalType.ByteArray or ParquetPhysicalType.FixedLenByteArray))
        {
            throw Invalid($"is {Column.PhysicalType}; WriteString does not fit");
        }

        _scratch.Clear();
        Span<byte> utf8 = _scratch.GetSpan(checked(value.Length * 3));
        if (Utf8.FromUtf16(value, utf8, out _, out int written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            throw Invalid("holds text; the value is not valid UTF-16 (a lone surrogate)");
        }

        WriteBytes(utf8[..written]);
    }

    /// <summary>Writes INT32 values, one per row.</summary>
    /// <param name="values">The values.</param>
    /// <exception cref="ParquetException">As <see cref="WriteInt32"/>; the values before the bad one are written.</exception>
    public void WriteInt32s(ReadOnlySpan<int> values)
    {
        foreach (int value in values) WriteInt32(value);
    }

    /// <summary>Writes INT64 values, one per row.</summary>
    /// <param name="values">The values.</param>
    /// <exception cref="ParquetException">As <see cref="WriteInt64"/>.</exception>
    public void WriteInt64s(ReadOnlySpan<long> values)
    {
        foreach (long value in values) WriteInt64(value);
    }

    /// <summary>Writes DOUBLE values, one per row.</summary>
    /// <param name="values">The values.</param>
    /// <exception cref="ParquetException">As <see cref="WriteDouble"/>.</exception>
    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        foreach (double value in values) WriteDouble(value);
    }

    /// <summary>Writes BOOLEAN values, one per row.</summary>
    /// <param name="values">The values.</param>
    /// <exception cref="ParquetException">As <see cref="WriteBoolean"/>.</exception>
    public void WriteBooleans(ReadOnlySpan<bool> values)
    {
        foreach (bool value in values) WriteBoolean(value);
    }

    private void Expect(ParquetPhysicalType type, string method)
    {
        if (Column.PhysicalType != type) throw Invalid($"is {Column.PhysicalType}; {method} does not fit");
    }

    private ParquetException Invalid(string rule) => new($"Column '{Column.Name}' {rule}.");
}
