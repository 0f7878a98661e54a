using System.Buffers.Binary;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Stellar;

namespace Bronze.Tests.Stellar;

/// <summary>
/// Property tests: truncated or bit-flipped LedgerCloseMeta never crashes, hangs or allocates its way out of the decoder;
/// it either decodes or fails with <see cref="BronzeErrorKind.CorruptData"/>.
/// </summary>
public sealed class LedgerCloseMetaDecoderFuzzTests
{
    private static readonly string[] VectorNames = ["v0-protocol19", "v1-protocol21", "v2-protocol23", "v2-protocol28-empty-tx-set-arm"];

    public static TheoryData<string> Vectors() => [.. VectorNames];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void MeasureLengthAndDecodeFirst_EveryTruncation_FailAsCorruptData(string name)
    {
        byte[] xdr = LedgerCloseMetaDecoderVectorTests.Read(name);

        for (int length = 0; length < xdr.Length; length++)
        {
            var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.MeasureLength(xdr.AsSpan(0, length)));
            Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
            error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.DecodeFirst(xdr.AsMemory(0, length)));
            Assert.Equal(BronzeErrorKind.CorruptData, error.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decode_EveryTruncation_DecodesOrFailsAsCorruptData(string name)
    {
        byte[] xdr = LedgerCloseMetaDecoderVectorTests.Read(name);

        for (int length = 0; length < xdr.Length; length++) DecodesOrFailsAsCorruptData(xdr[..length]);
    }

    [Fact]
    public void DecodeMeasureAndDecodeFirst_RandomByteFlips_DecodeOrFailAsCorruptData()
    {
        var dataset = new DatasetRef("pubnet", "p23_plus", "v1", "ledgers_lcm_raw");
        var source = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = 2048 });
        byte[][] ledgers =
        [
            .. VectorNames.Select(LedgerCloseMetaDecoderVectorTests.Read),
            .. Enumerable.Range(1, 20).Select(i => source.Create(dataset, i).XdrBytes.ToArray()),
        ];
        var random = new Random(20261130);

        for (int trial = 0; trial < 20_000; trial++)
        {
            byte[] xdr = [.. ledgers[trial % ledgers.Length]];
            int flips = 1 + random.Next(3);
            for (int f = 0; f < flips; f++) xdr[random.Next(xdr.Length)] ^= (byte)(1 << random.Next(8));

            DecodesOrFailsAsCorruptData(xdr);
            AssertSameAsMeasureThenDecode(xdr);
            try
            {
                Assert.InRange(LedgerCloseMetaDecoder.MeasureLength(xdr), 0, xdr.Length);
            }
            catch (BronzeException e)
            {
                Assert.Equal(BronzeErrorKind.CorruptData, e.Kind);
            }
        }
    }

    [Fact]
    public void MeasureLength_ValuesNestedTooDeep_FailsWithoutOverflowingTheStack()
    {
        // An SCP quorum set whose inner sets nest 100,000 deep, in an otherwise valid ledger.
        byte[] xdr = NestedQuorumSetLedger(depth: 100_000);

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.MeasureLength(xdr));

        Assert.Contains("nest deeper than 500 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureLength_ForgedHugeCount_FailsFast()
    {
        byte[] xdr = LedgerCloseMetaDecoderVectorTests.Read("v0-protocol19");
        int txSetCount = TxSetCountOffset(xdr);
        BinaryPrimitives.WriteInt32BigEndian(xdr.AsSpan(txSetCount), int.MaxValue);

        var error = Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.MeasureLength(xdr));

        Assert.StartsWith("Ledger 19000: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated, or a length runs past the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownOperationType_LeavesCountsNullWithAReason()
    {
        byte[] xdr = LedgerCloseMetaDecoderVectorTests.Read("v0-protocol19");
        int first = TxSetCountOffset(xdr) + 4;
        // The first envelope is TX_V0: type, ed25519 source, fee, seqNum, timeBounds (present), memo (none), count.
        int operationType = first + 4 + 32 + 4 + 8 + 4 + 16 + 4 + 4 + 4;
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(xdr.AsSpan(operationType))); // createAccount
        BinaryPrimitives.WriteInt32BigEndian(xdr.AsSpan(operationType), 99);

        DecodedLedger decoded = LedgerCloseMetaDecoder.Decode(xdr);

        Assert.Null(decoded.Row.TxCount);
        Assert.Null(decoded.Row.OperationCount);
        Assert.Equal(19_000, decoded.Row.LedgerSequence);
        Assert.Contains("ledger 19000", decoded.CountsUnavailableReason, StringComparison.Ordinal);
        Assert.Contains("OperationBody has arm 99", decoded.CountsUnavailableReason, StringComparison.Ordinal);
        Assert.Throws<BronzeException>(() => LedgerCloseMetaDecoder.MeasureLength(xdr));
    }

    private static void DecodesOrFailsAsCorruptData(byte[] xdr)
    {
        try
        {
            DecodedLedger decoded = LedgerCloseMetaDecoder.Decode(xdr);
            Assert.True(decoded.Row.XdrBytes.Length == xdr.Length);
        }
        catch (BronzeException e)
        {
            Assert.Equal(BronzeErrorKind.CorruptData, e.Kind);
        }
    }

    // A v0 ledger's TransactionSet: after the version, the header entry (hash, header, ext) and the set's previous hash.
    private static int TxSetCountOffset(byte[] v0Ledger)
    {
        var reader = new Bronze.Stellar.Xdr.XdrReader(v0Ledger);
        reader.Skip(4);
        Bronze.Stellar.Xdr.XdrSkip.LedgerHeaderHistoryEntry(ref reader);
        return reader.Position + 32;
    }

    // The v0 vector's header, an empty transaction set, one upgrade, and scpInfo with one quorum set nested depth deep.
    private static byte[] NestedQuorumSetLedger(int depth)
    {
        byte[] ledger = LedgerCloseMetaDecoderVectorTests.Read("v0-protocol19");
        int txSetCount = TxSetCountOffset(ledger);
        var bytes = new List<byte>(ledger[..txSetCount]);
        void Int(int value)
        {
            byte[] word = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(word, value);
            bytes.AddRange(word);
        }

        Int(0); // no transactions
        Int(0); // no txProcessing
        Int(1); // one upgrade
        Int(1); // LEDGER_UPGRADE_VERSION
        Int(20);
        Int(0); // no changes
        Int(1); // one SCPHistoryEntry v0
        Int(0);
        Int(1); // one quorum set, nested: threshold, validators, inner sets...
        for (int i = 0; i < depth; i++)
        {
            Int(1); // threshold
            Int(0); // validators
            Int(1); // one inner set
        }

        return [.. bytes];
    }

    // DecodeFirst's one walk against the two of MeasureLength then Decode (the generated walker of the whole
    // LedgerCloseMeta, which DecodeFirst's hand-written top must not drift from): both decode to the same row (the same
    // bytes, not a copy), or both fail as corrupt.
    internal static DecodedLedger? AssertSameAsMeasureThenDecode(byte[] xdr)
    {
        DecodedLedger? expected = null, actual = null;
        BronzeException? expectedError = null, actualError = null;
        try
        {
            expected = LedgerCloseMetaDecoder.Decode(xdr.AsMemory(0, LedgerCloseMetaDecoder.MeasureLength(xdr)));
        }
        catch (BronzeException e)
        {
            expectedError = e;
        }

        try
        {
            actual = LedgerCloseMetaDecoder.DecodeFirst(xdr);
        }
        catch (BronzeException e)
        {
            actualError = e;
        }

        Assert.True((expectedError is null) == (actualError is null), $"two walks: {expectedError?.Message ?? "decoded"}; one walk: {actualError?.Message ?? "decoded"}");
        if (expectedError is not null)
        {
            Assert.Equal((BronzeErrorKind.CorruptData, BronzeErrorKind.CorruptData), (expectedError.Kind, actualError!.Kind));
            return null;
        }

        Assert.Equal(expected, actual);
        return actual;
    }
}
