using System.Text;

namespace Bronze.Parquet.Thrift;

/// <summary>
/// Reads the Thrift compact protocol from a buffer. Every malformed input (a read past the end, an unknown type, a
/// varint too long, nesting too deep) throws <see cref="ParquetException"/> naming <c>what</c> is being read.
/// </summary>
internal sealed class CompactReader
{
    /// <summary>The most items (list elements turned into objects) one footer may decode to.</summary>
    public const int MaxItems = 1 << 21;

    private const int MaxDepth = 64;
    private readonly byte[] _buffer;
    private readonly int _end;
    private readonly Stack<short> _lastFieldIds = new();
    private readonly string _what;
    private short _lastFieldId;
    private int _position;
    private long _items;

    public CompactReader(byte[] buffer, int offset, int count, string what)
    {
        _buffer = buffer;
        _position = offset;
        _end = offset + count;
        _what = what;
    }

    public void BeginStruct()
    {
        if (_lastFieldIds.Count >= MaxDepth) throw Corrupt("structures nested too deeply");
        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct() => _lastFieldId = _lastFieldIds.Pop();

    /// <summary>Reads the next field header; false at the struct's stop byte.</summary>
    public bool ReadFieldHeader(out short id, out CompactType type)
    {
        byte header = ReadByte();
        type = (CompactType)(header & 0x0F);
        if (type == CompactType.Stop)
        {
            id = 0;
            return false;
        }

        int delta = header >> 4;
        id = delta != 0 ? (short)(_lastFieldId + delta) : (short)ReadZigZag32();
        _lastFieldId = id;
        return true;
    }

    public static bool ReadBool(CompactType fieldType) => fieldType == CompactType.BooleanTrue;

    public sbyte ReadSByte() => (sbyte)ReadByte();

    public int ReadI32() => ReadZigZag32();

    public long ReadI64()
    {
        ulong raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public byte[] ReadBinary()
    {
        int length = ReadLength();
        byte[] value = _buffer.AsSpan(_position, length).ToArray();
        _position += length;
        return value;
    }

    /// <summary>Reads a string, replacing invalid UTF-8 (for free text such as key-value metadata and created_by).</summary>
    public string ReadLenientString()
    {
        int length = ReadLength();
        string value = Encoding.UTF8.GetString(_buffer, _position, length);
        _position += length;
        return value;
    }

    public string ReadString()
    {
        int length = ReadLength();
        try
        {
            string value = new UTF8Encoding(false, true).GetString(_buffer, _position, length);
            _position += length;
            return value;
        }
        catch (DecoderFallbackException e)
        {
            throw new ParquetException($"Corrupt {_what}: a string is not valid UTF-8.", e);
        }
    }

    /// <summary>Reads a list header whose elements must be <paramref name="expected"/>; the count is charged to the budget.</summary>
    public int ReadListHeader(CompactType expected, string what)
    {
        int count = ReadListHeader(out CompactType elementType);
        bool matches = elementType == expected
            || (expected == CompactType.BooleanTrue && elementType == CompactType.BooleanFalse);
        if (count > 0 && !matches) throw Corrupt($"{what} is a list of Thrift type {(int)elementType}, not {(int)expected}");
        Charge(count, what);
        return count;
    }

    /// <summary>
    /// Counts decoded items (schema elements, row groups, column chunks, key-value pairs, encodings, path names)
    /// against <see cref="MaxItems"/>, so that a small footer of empty structs cannot make the reader allocate
    /// gigabytes of objects.
    /// </summary>
    public void Charge(int count, string what)
    {
        _items += count;
        if (_items > MaxItems) throw Corrupt($"{what} takes the footer past {MaxItems} decoded items, the reader's limit");
    }

    public int ReadListHeader(out CompactType elementType)
    {
        byte header = ReadByte();
        elementType = (CompactType)(header & 0x0F);
        int count = header >> 4;
        if (count == 15)
        {
            ulong big = ReadVarint();
            if (big > (ulong)(_end - _position)) throw Corrupt($"a list claims {big} elements, more than the bytes left");
            count = (int)big;
        }

        return count;
    }

    /// <summary>Skips one value of <paramref name="type"/> (an unknown field).</summary>
    public void Skip(CompactType type)
    {
        switch (type)
        {
            case CompactType.BooleanTrue:
            case CompactType.BooleanFalse:
                break;
            case CompactType.Byte:
                ReadByte();
                break;
            case CompactType.I16:
            case CompactType.I32:
            case CompactType.I64:
                ReadVarint();
                break;
            case CompactType.Double:
                Need(8);
                _position += 8;
                break;
            case CompactType.Binary:
                // Read the length first: `_position += ReadLength()` would add it to the position from before the
                // length's own varint, landing that many bytes short (every file with an unknown string field).
                int length = ReadLength();
                _position += length;
                break;
            case CompactType.List:
            case CompactType.Set:
                // Containers count towards the nesting limit like structs: lists of lists would otherwise recurse
                // until the stack overflows, which no caller can catch.
                BeginStruct();
                int count = ReadListHeader(out CompactType elementType);
                for (int i = 0; i < count; i++) SkipElement(elementType);
                EndStruct();
                break;
            case CompactType.Map:
                BeginStruct();
                ulong entries = ReadVarint();
                if (entries > (ulong)(_end - _position)) throw Corrupt($"a map claims {entries} entries, more than the bytes left");
                if (entries > 0)
                {
                    byte kinds = ReadByte();
                    for (ulong i = 0; i < entries; i++)
                    {
                        SkipElement((CompactType)(kinds >> 4));
                        SkipElement((CompactType)(kinds & 0x0F));
                    }
                }

                EndStruct();
                break;
            case CompactType.Struct:
                BeginStruct();
                while (ReadFieldHeader(out _, out CompactType fieldType)) Skip(fieldType);
                EndStruct();
                break;
            default:
                throw Corrupt($"unknown Thrift type {(int)type}");
        }
    }

    public ParquetException Corrupt(string detail) => new($"Corrupt {_what}: {detail}.");

    private void SkipElement(CompactType type)
    {
        // Inside lists, booleans take one byte each rather than living in a field header.
        if (type is CompactType.BooleanTrue or CompactType.BooleanFalse) ReadByte();
        else Skip(type);
    }

    private int ReadLength()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_end - _position)) throw Corrupt($"a value of {length} bytes runs past the end");
        return (int)length;
    }

    private int ReadZigZag32()
    {
        ulong raw = ReadVarint();
        if (raw > uint.MaxValue) throw Corrupt("a 32-bit integer is out of range");
        uint value = (uint)raw;
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }

        throw Corrupt("a varint is longer than 10 bytes");
    }

    private byte ReadByte()
    {
        Need(1);
        return _buffer[_position++];
    }

    private void Need(int count)
    {
        if (_end - _position < count) throw Corrupt("it ends in the middle of a value");
    }
}
