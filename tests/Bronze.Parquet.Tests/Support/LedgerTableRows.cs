using System.Security.Cryptography;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Tests.Compression;

namespace Bronze.Parquet.Tests.Support;

/// <summary>The <c>ledgers_lcm_raw</c> table as <c>schemas/</c> defines it, and deterministic ledger-shaped rows for it.</summary>
internal static class LedgerTableRows
{
    public static ParquetSchema Schema { get; } =
        ParquetTableDefinition.Parse(File.ReadAllBytes(Path.Combine(SchemaFiles.Folder, "ledgers_lcm_raw.v1.json"))).Schema;

    /// <summary>Rows from ledger 1 on until their XDR reaches <paramref name="xdrBytes"/>.</summary>
    public static List<object?[]> Generate(long xdrBytes)
    {
        var random = new Random(11);
        var rows = new List<object?[]>();
        string previous = new('0', 64);
        long total = 0;
        for (long sequence = 1; total < xdrBytes; sequence++)
        {
            byte[] xdr = CodecSamples.Structured(random.Next(2_000, 40_000), (int)sequence);
            string hash = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(sequence)));
            int? txCount = sequence % 10 == 0 ? null : random.Next(0, 500);
            rows.Add([
                sequence, hash, previous, DateTimeOffset.UnixEpoch.AddSeconds(1_440_000_000 + (sequence * 5)), 23,
                1_000_000_000_000_000_000L + sequence, sequence * 100, Convert.ToHexStringLower(SHA256.HashData(xdr.AsSpan(0, 64))),
                txCount, txCount * 3, xdr, xdr.Length, Convert.ToHexStringLower(SHA256.HashData(xdr)), "0.1.0", "pre_p23", "pubnet",
            ]);
            previous = hash;
            total += xdr.Length;
        }

        return rows;
    }
}
