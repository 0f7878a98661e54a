namespace Bronze.Parquet.Encoders;

/// <summary>
/// The RLE / bit-packing hybrid of the Parquet format (Encodings.md), for definition levels and dictionary indices.
/// Runs of 8 or more equal values become RLE runs; everything else is bit-packed in groups of 8, LSB first. Only the
/// last bit-packed run is padded, so readers never see a padding value as data.
/// </summary>
internal static class RleHybridEncoder
{
    private const int MinRleRun = 8;

    /// <summary>The bits needed for values 0..<paramref name="maxValue"/> (at least 1).</summary>
    public static int BitWidth(int maxValue) => maxValue <= 1 ? 1 : 32 - int.LeadingZeroCount(maxValue);

    public static void Encode(ReadOnlySpan<int> values, int bitWidth, PooledBuffer output)
    {
        int i = 0;
        while (i < values.Length)
        {
            int run = RunLength(values, i, int.MaxValue);
            if (run >= MinRleRun)
            {
                WriteRleRun(values[i], run, bitWidth, output);
                i += run;
                continue;
            }

            int start = i;
            while (i < values.Length && ((i - start) % 8 != 0 || RunLength(values, i, MinRleRun) < MinRleRun)) i++;
            WriteBitPacked(values[start..i], bitWidth, output);
        }
    }

    private static int RunLength(ReadOnlySpan<int> values, int start, int limit)
    {
        int value = values[start];
        int end = start + 1;
        while (end < values.Length && end - start < limit && values[end] == value) end++;
        return end - start;
    }

    private static void WriteRleRun(int value, int count, int bitWidth, PooledBuffer output)
    {
        WriteVarint((uint)count << 1, output);
        int bytes = (bitWidth + 7) / 8;
        for (int b = 0; b < bytes; b++) output.WriteByte((byte)(value >> (8 * b)));
    }

    private static void WriteBitPacked(ReadOnlySpan<int> values, int bitWidth, PooledBuffer output)
    {
        int groups = (values.Length + 7) / 8;
        WriteVarint(((uint)groups << 1) | 1, output);
        int byteCount = groups * bitWidth;
        Span<byte> span = output.GetSpan(byteCount)[..byteCount];
        span.Clear();
        ulong accumulator = 0;
        int bits = 0;
        int position = 0;
        for (int v = 0; v < groups * 8; v++)
        {
            ulong value = v < values.Length ? (uint)values[v] : 0u;
            accumulator |= value << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[position++] = (byte)accumulator;
                accumulator >>= 8;
                bits -= 8;
            }
        }

        output.Advance(byteCount);
    }

    private static void WriteVarint(uint value, PooledBuffer output)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }
}
