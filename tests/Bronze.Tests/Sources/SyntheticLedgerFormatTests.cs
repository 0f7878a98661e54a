using System.Buffers.Binary;
using System.Security.Cryptography;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Stellar;

namespace Bronze.Tests.Sources;

/// <summary>The synthetic source writes real LedgerCloseMeta: the version of its era, a header chain, whole values.</summary>
public sealed class SyntheticLedgerFormatTests
{
    private static readonly SyntheticLedgerSource Source = new(new SyntheticLedgerOptions { MeanXdrBytes = 2048 });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DatasetRef Dataset(string era) => new("pubnet", era, "v1", "ledgers_lcm_raw");

    [Theory]
    [InlineData("pre_p23", 1, 20, 22)]
    [InlineData("p23_plus", 2, 23, 25)]
    public async Task ReadAsync_Era_WritesItsLedgerCloseMetaVersionAndProtocols(string era, int version, int lowest, int highest)
    {
        List<LedgerRow> rows = await Source.ReadAsync(Dataset(era), 1, 300, Ct).ToListAsync(Ct);

        Assert.All(rows, r =>
        {
            Assert.Equal(version, BinaryPrimitives.ReadInt32BigEndian(r.XdrBytes.Span));
            Assert.InRange(r.ProtocolVersion, lowest, highest);
            Assert.Equal(r.XdrByteLength, LedgerCloseMetaDecoder.MeasureLength(r.XdrBytes.Span));
        });
        Assert.Contains(rows, r => r.OperationCount > r.TxCount);
    }

    [Fact]
    public void Create_HighLedgerOfLaterProtocol_IsV2OfProtocol25()
    {
        LedgerRow row = Source.Create(Dataset("p23_plus"), 61_000_123);

        Assert.Equal(25, row.ProtocolVersion);
        Assert.Equal(row.XdrByteLength, LedgerCloseMetaDecoder.MeasureLength(row.XdrBytes.Span));
    }

    [Fact]
    public void Create_AnyLedger_HashesItsHeaderAndKeepsItsColumnsInTheXdr()
    {
        LedgerRow row = Source.Create(Dataset("pre_p23"), 4_321);

        // Decoding again must give the same row: the columns come from the bytes, and the decoder checks the hash.
        Assert.Equal(row with { XdrBytes = default }, LedgerCloseMetaDecoder.Decode(row.XdrBytes).Row with { XdrBytes = default });
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(row.XdrBytes.Span)), row.XdrSha256);
    }

    [Theory]
    [InlineData(8_190, 8_200)]
    [InlineData(1_999_990, 2_000_010)]
    public async Task Create_SingleLedgers_ChainLikeReadAsync(long first, long last)
    {
        List<LedgerRow> read = await Source.ReadAsync(Dataset("pre_p23"), first, last, Ct).ToListAsync(Ct);

        // Ledgers created alone (walking the chain from a remembered hash) equal ledgers read in a run.
        for (long sequence = last; sequence >= first; sequence--)
        {
            LedgerRow alone = new SyntheticLedgerSource(Source.Options).Create(Dataset("pre_p23"), sequence);
            Assert.Equal(read[(int)(sequence - first)] with { XdrBytes = default }, alone with { XdrBytes = default });
        }
    }

    [Fact]
    public async Task ReadAsync_AcrossAMillion_ChainsInsideTheSegmentsAndRestartsAtTheBoundary()
    {
        List<LedgerRow> rows = await Source.ReadAsync(Dataset("pre_p23"), 999_990, 1_000_010, Ct).ToListAsync(Ct);

        for (int i = 1; i < rows.Count; i++)
        {
            bool segmentStart = rows[i].LedgerSequence == 1_000_000;
            Assert.Equal(!segmentStart, rows[i - 1].LedgerHash == rows[i].PreviousLedgerHash);
        }
    }
}
