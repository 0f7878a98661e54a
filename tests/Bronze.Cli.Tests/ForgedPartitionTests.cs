using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bronze.Testing;

namespace Bronze.Cli.Tests;

/// <summary>
/// Partitions whose manifest matches their bytes but whose bytes lie: verify reads what the file itself says (schema,
/// row groups, ledger_sequence statistics, codec) and fails each one.
/// </summary>
public sealed class ForgedPartitionTests
{
    private const string Table = "ledgers_lcm_raw";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_ForgedFirstAndLastLedger_Exits3()
    {
        using var folder = await CopiedAsync();
        CliTestFolder.Forge(folder.Manifest(10, 19), entry => (entry["first_ledger"], entry["last_ledger"]) = (11, 18));

        await AssertVerifyFailsAsync(folder, "ledger_range_mismatch", "the manifest says 11-18");
    }

    [Fact]
    public async Task Verify_ForgedCodec_Exits3()
    {
        using var folder = await CopiedAsync();
        CliTestFolder.Forge(folder.Manifest(10, 19), entry => entry["codec"] = "snappy");

        await AssertVerifyFailsAsync(folder, "codec_mismatch", "The column chunks use codec zstd, the manifest says snappy");
    }

    [Fact]
    public async Task Verify_AnotherRangesFileWithAConsistentManifest_Exits3()
    {
        using var folder = await CopiedAsync();
        File.Copy(folder.DataFile(0, 9), folder.DataFile(10, 19), overwrite: true);
        CliTestFolder.Forge(folder.Manifest(10, 19), entry =>
        {
            MatchFile(entry, folder.DataFile(10, 19));
            (entry["row_count"], entry["first_ledger"], entry["last_ledger"]) = (9, 1, 9);
        });

        await AssertVerifyFailsAsync(folder, "ledger_range_mismatch", "The file holds ledgers 1-9, outside the partition 10-19");
    }

    [Fact]
    public async Task Verify_TinyFileWithoutRowGroupsClaimingRows_Exits3()
    {
        using var folder = await CopiedAsync();
        await File.WriteAllBytesAsync(folder.DataFile(10, 19), EmptyFooterClaiming(999), Ct);
        CliTestFolder.Forge(folder.Manifest(10, 19), entry =>
        {
            MatchFile(entry, folder.DataFile(10, 19));
            entry["row_count"] = 999;
        });

        await AssertVerifyFailsAsync(folder, "row_count_mismatch", "The footer says 999 rows, its row groups hold 0");
        await AssertVerifyFailsAsync(folder, "schema_mismatch", "is not the table's");
    }

    [Fact]
    public async Task Verify_FooterDeclaringMillionsOfRowGroups_IsRefusedBeforeParsing()
    {
        using var folder = await CopiedAsync();
        await File.WriteAllBytesAsync(folder.DataFile(10, 19), RowGroupBomb(4_000_000), Ct);
        CliTestFolder.Forge(folder.Manifest(10, 19), entry => MatchFile(entry, folder.DataFile(10, 19)));

        await AssertVerifyFailsAsync(folder, "unreadable_data_file", "more than a 4000019-byte data file can legitimately have");
    }

    private static async Task<CliTestFolder> CopiedAsync()
    {
        var folder = new CliTestFolder();
        using BronzeProcess copy = await BronzeProcess.RunAsync(folder.Path, CliTestFolder.Copy(19));
        Assert.True(copy.ExitCode == 0, copy.ToString());
        return folder;
    }

    private static async Task AssertVerifyFailsAsync(CliTestFolder folder, string kind, string message)
    {
        using BronzeProcess verify = await BronzeProcess.RunAsync(folder.Path, "verify", "--dest", "out");
        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.Matches(@"FAILED\s+range=10-19", verify.Output);
        Assert.Matches(@"ok\s+range=0-9", verify.Output);
        Assert.Contains($"{kind} pubnet/pre_p23/v1/{Table}/range=10-19/part-10-19.parquet", verify.Output, StringComparison.Ordinal);
        Assert.Contains(message, verify.Output, StringComparison.Ordinal);
    }

    private static void MatchFile(JsonObject entry, string dataFile)
    {
        byte[] bytes = File.ReadAllBytes(dataFile);
        entry["checksum"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        entry["byte_size"] = bytes.Length;
    }

    /// <summary>A Parquet file of one INT64 column, no row groups, whose footer says <paramref name="rows"/> rows.</summary>
    private static byte[] EmptyFooterClaiming(int rows)
    {
        var footer = new List<byte> { 0x15, 0x04, 0x19, 0x2C }; // version 2; schema: a list of 2 structs
        footer.AddRange([0x48, 6, .. "schema"u8, 0x15, 0x02, 0x00]); // root: name, num_children 1
        footer.AddRange([0x15, 0x04, 0x25, 0x00, 0x18, 15, .. "ledger_sequence"u8, 0x00]); // INT64, REQUIRED, name
        footer.Add(0x16); // num_rows, zigzag varint
        for (uint v = (uint)rows << 1; ; v >>= 7)
        {
            if (v < 0x80) { footer.Add((byte)v); break; }
            footer.Add((byte)(v | 0x80));
        }

        footer.AddRange([0x19, 0x0C, 0x00]); // row_groups: an empty list of structs; stop
        return Frame(footer);
    }

    /// <summary>A Parquet file whose footer is one list of <paramref name="count"/> empty row groups (one byte each).</summary>
    private static byte[] RowGroupBomb(int count)
    {
        var footer = new List<byte>(count + 16) { 0x49, 0xFC }; // field 4 (row_groups), a list of structs with a long count
        for (uint v = (uint)count; ; v >>= 7)
        {
            if (v < 0x80) { footer.Add((byte)v); break; }
            footer.Add((byte)(v | 0x80));
        }

        footer.AddRange(new byte[count + 1]); // each row group a stop byte; then the footer's stop
        return Frame(footer);
    }

    private static byte[] Frame(List<byte> footer)
    {
        byte[] length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.Count);
        return [.. "PAR1"u8, .. footer, .. length, .. "PAR1"u8];
    }
}
