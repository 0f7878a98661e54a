using System.Text;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Writing;

/// <summary>Boxed values (<see cref="ParquetWriter.WriteRowAsync"/>): checked for every column before any is written.</summary>
public sealed partial class ParquetColumnWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Throws what the typed method would throw for <paramref name="value"/>, without writing it.</summary>
    internal void CheckValue(object? value)
    {
        switch (value)
        {
            case null:
                if (!Column.IsNullable) throw Invalid("is required (not nullable), so it cannot take a null");
                return;
            case int i when Column.PhysicalType == ParquetPhysicalType.Int32:
                CheckInt32Range(i);
                return;
            case long when Column.PhysicalType == ParquetPhysicalType.Int64:
            case double when Column.PhysicalType == ParquetPhysicalType.Double:
            case bool when Column.PhysicalType == ParquetPhysicalType.Boolean:
                return;
            case DateTimeOffset timestamp:
                _ = TimestampUnits(timestamp);
                return;
            case DateTime dateTime:
                _ = TimestampUnits(UtcInstant(dateTime));
                return;
            case byte[] bytes:
                CheckBytesLength(bytes.Length);
                return;
            case ReadOnlyMemory<byte> memory:
                CheckBytesLength(memory.Length);
                return;
            case string text:
                int length;
                try
                {
                    length = StrictUtf8.GetByteCount(text);
                }
                catch (EncoderFallbackException e)
                {
                    throw new ParquetException($"Column '{Column.Name}' holds text; the value is not valid UTF-16 (a lone surrogate).", e);
                }

                CheckBytesLength(length);
                return;
            default:
                throw Invalid($"is {Column.PhysicalType}{(Column.LogicalType is { } l ? $" ({l.Kind})" : "")}; a {value.GetType().Name} value does not fit");
        }
    }

    /// <summary>Writes a value <see cref="CheckValue"/> accepted.</summary>
    internal void WriteValue(object? value)
    {
        switch (value)
        {
            case null: WriteNull(); break;
            case int i: WriteInt32(i); break;
            case long l: WriteInt64(l); break;
            case double d: WriteDouble(d); break;
            case bool b: WriteBoolean(b); break;
            case DateTimeOffset timestamp: WriteTimestamp(timestamp); break;
            case DateTime dateTime: WriteTimestamp(UtcInstant(dateTime)); break;
            case byte[] bytes: WriteBytes(bytes); break;
            case ReadOnlyMemory<byte> memory: WriteBytes(memory.Span); break;
            case string text: WriteString(text); break;
            default: throw new InvalidOperationException($"CheckValue let a {value.GetType().Name} through.");
        }
    }

    private DateTimeOffset UtcInstant(DateTime value)
    {
        if (value.Kind != DateTimeKind.Utc) throw Invalid($"holds instants; a DateTime of kind {value.Kind} is ambiguous (use DateTimeKind.Utc or DateTimeOffset)");
        return new DateTimeOffset(value);
    }

    private void CheckInt32Range(int value)
    {
        if (Column.LogicalType is not { Kind: ParquetLogicalKind.Integer, BitWidth: < 32 } integer) return;
        long min = integer.IsSigned ? -(1L << (integer.BitWidth - 1)) : 0;
        long max = integer.IsSigned ? (1L << (integer.BitWidth - 1)) - 1 : (1L << integer.BitWidth) - 1;
        if (value < min || value > max)
        {
            throw Invalid($"holds {(integer.IsSigned ? "" : "u")}int{integer.BitWidth} values ({min} to {max}); {value} does not fit");
        }
    }

    private long TimestampUnits(DateTimeOffset value)
    {
        if (Column.LogicalType is not { Kind: ParquetLogicalKind.Timestamp } timestamp) throw Invalid($"is {Column.PhysicalType}, not a timestamp; a timestamp value does not fit");
        long ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        long ticksPerUnit = timestamp.Unit == ParquetTimeUnit.Millis ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerMicrosecond;
        if (ticks % ticksPerUnit != 0) throw Invalid($"holds {timestamp.Unit} timestamps; {value:O} has a finer precision");
        return ticks / ticksPerUnit;
    }

    private void CheckBytesLength(int length)
    {
        switch (Column.PhysicalType)
        {
            case ParquetPhysicalType.ByteArray:
                return;
            case ParquetPhysicalType.FixedLenByteArray when length != Column.TypeLength:
                throw Invalid($"holds values of exactly {Column.TypeLength} bytes; this one has {length}");
            case ParquetPhysicalType.FixedLenByteArray:
                return;
            default:
                throw Invalid($"is {Column.PhysicalType}; a byte or text value does not fit");
        }
    }
}
