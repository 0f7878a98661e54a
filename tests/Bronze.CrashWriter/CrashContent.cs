namespace Bronze.CrashWriter;

/// <summary>What the crash writer puts under each key, so the test can tell a complete object from anything else.</summary>
public static class CrashContent
{
    /// <summary>The key of object <paramref name="index"/>, in the dataset layout's shape.</summary>
    /// <param name="index">The object's number.</param>
    public static string Key(int index) => $"crash/range={index}-{index}/part-{index}-{index}.parquet";

    /// <summary>The bytes of object <paramref name="index"/>: distinct per index, and a little longer each time.</summary>
    /// <param name="index">The object's number.</param>
    /// <param name="baseSize">The size of object 0.</param>
    public static byte[] Bytes(int index, int baseSize)
    {
        var bytes = new byte[baseSize + (index * 4099)];
        new Random(index).NextBytes(bytes);
        return bytes;
    }
}
