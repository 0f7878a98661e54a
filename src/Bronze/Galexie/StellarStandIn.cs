// TEMPORARY stand-in for issue 9's decoder (owned by the stellar helper); deleted when its commit is merged.
using System.Buffers.Binary;
using System.Security.Cryptography;
using Bronze.Errors;

#pragma warning disable CS1591
namespace Bronze.Stellar;

public sealed record DecodedLedger(Sources.LedgerRow Row, string? CountsUnavailableReason);

public static class LedgerCloseMetaDecoder
{
    public static int MeasureLength(ReadOnlySpan<byte> xdr) => xdr.Length;

    public static DecodedLedger Decode(ReadOnlyMemory<byte> xdr)
    {
        ReadOnlySpan<byte> s = xdr.Span;
        try
        {
            int p = 4;
            if (BinaryPrimitives.ReadUInt32BigEndian(s) != 0) p += BinaryPrimitives.ReadUInt32BigEndian(s[4..]) == 1 ? 16 : 4;
            ReadOnlySpan<byte> hash = s.Slice(p, 32);
            int headerStart = p + 32;
            p = headerStart;
            int protocol = (int)BinaryPrimitives.ReadUInt32BigEndian(s[p..]);
            ReadOnlySpan<byte> previous = s.Slice(p + 4, 32);
            p += 36;
            ReadOnlySpan<byte> txSet = s.Slice(p, 32);
            long close = (long)BinaryPrimitives.ReadUInt64BigEndian(s[(p + 32)..]);
            p += 40;
            int upgrades = (int)BinaryPrimitives.ReadUInt32BigEndian(s[p..]);
            p += 4;
            for (int i = 0; i < upgrades; i++) p += 4 + ((int)BinaryPrimitives.ReadUInt32BigEndian(s[p..]) + 3 & ~3);
            int arm = (int)BinaryPrimitives.ReadUInt32BigEndian(s[p..]);
            p += 4;
            if (arm == 1) p += 36 + 4 + 64;
            p += 64;
            long seq = BinaryPrimitives.ReadUInt32BigEndian(s[p..]);
            long coins = BinaryPrimitives.ReadInt64BigEndian(s[(p + 4)..]);
            long fee = BinaryPrimitives.ReadInt64BigEndian(s[(p + 12)..]);
            p += 4 + 8 + 8 + 4 + 8 + 12 + (4 * 32);
            int ext = (int)BinaryPrimitives.ReadUInt32BigEndian(s[p..]);
            p += ext == 1 ? 12 : 4;
            if (!SHA256.HashData(s[headerStart..p]).AsSpan().SequenceEqual(hash))
                throw new BronzeException(BronzeErrorKind.IntegrityMismatch, $"ledger {seq}: its hash is not the SHA-256 of its header");
            var row = new Sources.LedgerRow
            {
                LedgerSequence = seq,
                LedgerHash = Convert.ToHexStringLower(hash),
                PreviousLedgerHash = Convert.ToHexStringLower(previous),
                CloseTime = DateTimeOffset.FromUnixTimeSeconds(close),
                ProtocolVersion = protocol,
                TotalCoins = coins,
                FeePool = fee,
                TxSetHash = Convert.ToHexStringLower(txSet),
                TxCount = null,
                OperationCount = null,
                XdrBytes = xdr,
                XdrSha256 = Convert.ToHexStringLower(SHA256.HashData(s)),
            };
            return new DecodedLedger(row, null);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new BronzeException(BronzeErrorKind.IntegrityMismatch, "truncated LedgerCloseMeta", innerException: e);
        }
    }
}
