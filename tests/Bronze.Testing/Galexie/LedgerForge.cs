using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bronze.Testing.Galexie;

/// <summary>
/// Alters real LedgerCloseMeta XDR for the checks' tests: a ledger whose previous-ledger hash is changed but whose own
/// hash is recomputed (valid on its own, but breaking the chain), or one whose header is changed without (corrupt).
/// </summary>
public static class LedgerForge
{
    /// <summary>A copy of <paramref name="meta"/> whose previousLedgerHash differs and whose hash matches its header again.</summary>
    /// <param name="meta">A LedgerCloseMeta (v0, v1 or v2).</param>
    public static byte[] WithOtherPreviousHash(ReadOnlyMemory<byte> meta)
    {
        byte[] xdr = meta.ToArray();
        (int hashAt, int headerLength) = Header(xdr);
        int headerAt = hashAt + 32;
        xdr[headerAt + 4] ^= 0xFF; // the first byte of previousLedgerHash, after ledgerVersion
        SHA256.HashData(xdr.AsSpan(headerAt, headerLength), xdr.AsSpan(hashAt, 32));
        return xdr;
    }

    /// <summary>A copy of <paramref name="meta"/> with one byte of its header's previousLedgerHash changed, its hash left as it was.</summary>
    /// <param name="meta">A LedgerCloseMeta.</param>
    public static byte[] WithCorruptHeader(ReadOnlyMemory<byte> meta)
    {
        byte[] xdr = meta.ToArray();
        (int hashAt, _) = Header(xdr);
        xdr[hashAt + 32 + 4] ^= 0xFF;
        return xdr;
    }

    // The hash sits after the version (and, from v1, the LedgerCloseMetaExt); the header follows it. Its length is
    // found as the one whose SHA-256 is the stated hash, so this needs no XDR walker of its own.
    private static (int HashAt, int HeaderLength) Header(byte[] xdr)
    {
        int hashAt = 4;
        if (BinaryPrimitives.ReadUInt32BigEndian(xdr) != 0) hashAt += BinaryPrimitives.ReadUInt32BigEndian(xdr.AsSpan(4)) == 1 ? 16 : 4;
        byte[] hash = xdr.AsSpan(hashAt, 32).ToArray();
        for (int length = 4; hashAt + 32 + length <= Math.Min(xdr.Length, hashAt + 32 + 4096); length += 4)
        {
            if (SHA256.HashData(xdr.AsSpan(hashAt + 32, length)).AsSpan().SequenceEqual(hash)) return (hashAt, length);
        }

        throw new InvalidOperationException("No header length gives the stated hash.");
    }
}
