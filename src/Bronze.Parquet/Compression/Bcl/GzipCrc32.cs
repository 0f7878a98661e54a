using System.Buffers.Binary;

namespace Bronze.Parquet.Compression.Bcl;

/// <summary>
/// The CRC-32 of gzip trailers (IEEE 802.3, reflected polynomial 0xEDB88320), slicing by 8. The BCL checks it only
/// when the trailer is there: a page cut inside its trailer would otherwise decompress without complaint.
/// </summary>
internal static class GzipCrc32
{
    private static readonly uint[] Tables = BuildTables();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The checksum, as a gzip trailer holds it.</returns>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint[] t = Tables;
        uint crc = 0xFFFFFFFF;
        while (data.Length >= 8)
        {
            uint low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (low & 0xFF)] ^ t[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ t[(5 * 256) + ((low >> 16) & 0xFF)] ^ t[(4 * 256) + (low >> 24)]
                ^ t[(3 * 256) + (high & 0xFF)] ^ t[(2 * 256) + ((high >> 8) & 0xFF)]
                ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
            data = data[8..];
        }

        foreach (byte b in data) crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            uint crc = i;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            tables[i] = crc;
        }

        for (int slice = 1; slice < 8; slice++)
        {
            for (int i = 0; i < 256; i++)
            {
                uint previous = tables[((slice - 1) * 256) + i];
                tables[(slice * 256) + i] = tables[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return tables;
    }
}
