using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Bronze.Parquet.Schema;

namespace Bronze.Parquet.Footer;

/// <summary>
/// Renders a PLAIN-encoded value (a statistics min or max) readably for its column: integers (signed or not),
/// decimals, dates, times and timestamps in ISO 8601, floats, UTF-8 text, UUIDs, and hex for other bytes. A value
/// whose length does not fit its type is shown as hex rather than rejected.
/// </summary>
public static class ParquetValueText
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Renders <paramref name="value"/> as the column <paramref name="leaf"/> means it.</summary>
    /// <param name="leaf">The leaf column the value belongs to.</param>
    /// <param name="value">The value's PLAIN bytes (no length prefix).</param>
    /// <returns>The text, e.g. <c>42</c>, <c>2024-01-31T12:00:00.000Z</c>, <c>12.50</c>, <c>abc</c> or <c>0x00ff</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Format(ParquetLeafColumn leaf, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(value);
        ParquetSchemaNode node = leaf.Node;
        ParquetTypeAnnotation? logical = node.LogicalType;
        ParquetConvertedType? converted = node.ConvertedType;
        int? scale = logical?.Kind == ParquetAnnotationKind.Decimal ? logical.Scale : converted == ParquetConvertedType.Decimal ? node.Scale : null;
        return node.PhysicalType switch
        {
            ParquetPhysicalType.Boolean when value.Length == 1 => value[0] != 0 ? "true" : "false",
            ParquetPhysicalType.Int32 when value.Length == 4 => Int(BinaryPrimitives.ReadInt32LittleEndian(value), true, logical, converted, scale),
            ParquetPhysicalType.Int64 when value.Length == 8 => Int(BinaryPrimitives.ReadInt64LittleEndian(value), false, logical, converted, scale),
            ParquetPhysicalType.Int96 when value.Length == 12 => Int96(value),
            ParquetPhysicalType.Float when value.Length == 4 => BinaryPrimitives.ReadSingleLittleEndian(value).ToString("R", CultureInfo.InvariantCulture),
            ParquetPhysicalType.Double when value.Length == 8 => BinaryPrimitives.ReadDoubleLittleEndian(value).ToString("R", CultureInfo.InvariantCulture),
            ParquetPhysicalType.ByteArray or ParquetPhysicalType.FixedLenByteArray => Bytes(value, logical, converted, scale),
            _ => Hex(value),
        };
    }

    private static string Int(long v, bool is32, ParquetTypeAnnotation? logical, ParquetConvertedType? converted, int? scale)
    {
        if (scale is { } s) return Decimal(new BigInteger(v), s);
        string? unit = logical?.Unit ?? converted switch
        {
            ParquetConvertedType.TimestampMillis or ParquetConvertedType.TimeMillis => "MILLIS",
            ParquetConvertedType.TimestampMicros or ParquetConvertedType.TimeMicros => "MICROS",
            _ => null,
        };
        bool unsigned = logical is { Kind: ParquetAnnotationKind.Integer, IsSigned: false }
            || converted is >= ParquetConvertedType.Uint8 and <= ParquetConvertedType.Uint64;
        return (logical?.Kind, converted) switch
        {
            (ParquetAnnotationKind.Date, _) or (null, ParquetConvertedType.Date) => Date(v),
            (ParquetAnnotationKind.Timestamp, _) or (null, ParquetConvertedType.TimestampMillis or ParquetConvertedType.TimestampMicros) =>
                Instant(v, unit, logical?.IsAdjustedToUtc ?? true),
            (ParquetAnnotationKind.Time, _) or (null, ParquetConvertedType.TimeMillis or ParquetConvertedType.TimeMicros) => TimeOfDay(v, unit),
            _ when unsigned => (is32 ? (uint)v : (ulong)v).ToString(CultureInfo.InvariantCulture),
            _ => v.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Bytes(byte[] value, ParquetTypeAnnotation? logical, ParquetConvertedType? converted, int? scale)
    {
        if (scale is { } s && value.Length is > 0 and <= 64) return Decimal(new BigInteger(value, isUnsigned: false, isBigEndian: true), s);
        if (logical?.Kind == ParquetAnnotationKind.Uuid && value.Length == 16)
            return new Guid(value, bigEndian: true).ToString("D", CultureInfo.InvariantCulture);
        if (logical?.Kind == ParquetAnnotationKind.Float16 && value.Length == 2)
            return ((float)BinaryPrimitives.ReadHalfLittleEndian(value)).ToString("R", CultureInfo.InvariantCulture);
        bool text = logical?.Kind is ParquetAnnotationKind.String or ParquetAnnotationKind.Enum or ParquetAnnotationKind.Json
            || (logical is null && converted is ParquetConvertedType.Utf8 or ParquetConvertedType.Enum or ParquetConvertedType.Json);
        if (text)
        {
            try
            {
                return StrictUtf8.GetString(value);
            }
            catch (DecoderFallbackException)
            {
                // Truncated statistics may cut a character in two: show the bytes instead.
            }
        }

        return Hex(value);
    }

    private static string Hex(byte[] value) => "0x" + Convert.ToHexStringLower(value);

    private static string Decimal(BigInteger unscaled, int scale)
    {
        if (scale <= 0 || scale > 76) return unscaled.ToString(CultureInfo.InvariantCulture);
        string digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        return (unscaled.Sign < 0 ? "-" : "") + digits[..^scale] + "." + digits[^scale..];
    }

    private static string Date(long days) =>
        days is >= -719_162 and <= 2_932_896 ? DateOnly.FromDayNumber((int)(days + 719_162)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : days.ToString(CultureInfo.InvariantCulture);

    private static long PerSecond(string? unit) => unit switch { "MILLIS" => 1_000, "MICROS" => 1_000_000, "NANOS" => 1_000_000_000, _ => 0 };

    private static string Instant(long v, string? unit, bool utc)
    {
        long perSecond = PerSecond(unit);
        if (perSecond == 0) return v.ToString(CultureInfo.InvariantCulture);
        long seconds = Math.DivRem(v, perSecond, out long fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += perSecond;
        }

        if (seconds is < -62_135_596_800 or > 253_402_300_799) return v.ToString(CultureInfo.InvariantCulture);
        DateTime at = DateTime.UnixEpoch.AddSeconds(seconds);
        int digits = (int)Math.Log10(perSecond);
        return at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "."
            + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0') + (utc ? "Z" : "");
    }

    private static string TimeOfDay(long v, string? unit)
    {
        long perSecond = PerSecond(unit);
        if (perSecond == 0 || v < 0 || v >= 86_400 * perSecond) return v.ToString(CultureInfo.InvariantCulture);
        long seconds = Math.DivRem(v, perSecond, out long fraction);
        int digits = (int)Math.Log10(perSecond);
        return TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)).ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "."
            + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    // INT96 timestamps: nanoseconds of the day (8 bytes), then the Julian day number (4 bytes), little-endian.
    private static string Int96(byte[] value)
    {
        long nanos = BinaryPrimitives.ReadInt64LittleEndian(value);
        long julianDay = BinaryPrimitives.ReadInt32LittleEndian(value.AsSpan(8));
        const long UnixEpochJulianDay = 2_440_588;
        long days = julianDay - UnixEpochJulianDay;
        if (nanos is < 0 or >= 86_400_000_000_000 || days is < -106_000 or > 106_000) return Hex(value);
        return Instant((days * 86_400_000_000_000) + nanos, "NANOS", utc: true);
    }
}
