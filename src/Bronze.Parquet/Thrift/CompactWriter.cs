using System.Buffers;
using System.Text;

namespace Bronze.Parquet.Thrift;

/// <summary>
/// Writes the Thrift compact protocol (the encoding of every Parquet footer and page header) into a buffer writer.
/// A struct is opened with <see cref="BeginStruct"/>, its fields written in ascending id order, and closed with
/// <see cref="EndStruct"/>, which writes the stop byte; field ids are delta-encoded against the enclosing struct's.
/// </summary>
internal sealed class CompactWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly Stack<short> _lastFieldIds = new();
    private short _lastFieldId;

    public CompactWriter(IBufferWriter<byte> output) => _output = output;

    public void BeginStruct()
    {
        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        WriteByte(0);
        _lastFieldId = _lastFieldIds.Pop();
    }

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        WriteVarint(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        WriteVarint(ZigZag(value));
    }

    public void FieldByte(short id, sbyte value)
    {
        FieldHeader(id, CompactType.Byte);
        WriteByte((byte)value);
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        WriteVarint((ulong)value.Length);
        Write(value);
    }

    public void FieldString(short id, string value)
    {
        FieldHeader(id, CompactType.Binary);
        int length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)length);
        Span<byte> span = _output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _output.Advance(length);
    }

    /// <summary>Starts a struct-valued field; close it with <see cref="EndStruct"/>.</summary>
    public void FieldStructBegin(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>Starts a list-valued field; write <paramref name="count"/> elements of <paramref name="elementType"/>.</summary>
    public void FieldListBegin(short id, CompactType elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        ListHeader(elementType, count);
    }

    public void ElementI32(int value) => WriteVarint(ZigZag(value));

    public void ElementString(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)length);
        Span<byte> span = _output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _output.Advance(length);
    }

    private void ListHeader(CompactType elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (int)elementType));
            WriteVarint((ulong)count);
        }
    }

    private void FieldHeader(short id, CompactType type)
    {
        int delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteVarint(ZigZag(id));
        }

        _lastFieldId = id;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private void WriteVarint(ulong value)
    {
        Span<byte> span = _output.GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _output.Advance(i);
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    private void Write(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_output.GetSpan(value.Length));
        _output.Advance(value.Length);
    }
}
