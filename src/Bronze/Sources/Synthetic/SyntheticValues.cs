namespace Bronze.Sources.Synthetic;

/// <summary>The small XDR values synthetic transactions and meta are made of: keys, assets, Soroban values, entries.</summary>
internal static class SyntheticValues
{
    private static ReadOnlySpan<byte> Balance => "Balance"u8;

    private static ReadOnlySpan<byte> Transfer => "transfer"u8;

    /// <summary>An AccountID (PublicKey, ed25519) from the pool.</summary>
    public static void AccountId(XdrBufferWriter w, int account)
    {
        w.UInt32(0);
        w.Bytes(SyntheticAccounts.Account(account));
    }

    /// <summary>A MuxedAccount of the plain ed25519 kind.</summary>
    public static void MuxedAccount(XdrBufferWriter w, int account) => AccountId(w, account);

    /// <summary>An Asset: native when <paramref name="asset"/> is 0, else a four-letter credit asset.</summary>
    public static void Asset(XdrBufferWriter w, int asset)
    {
        if (asset == 0)
        {
            w.UInt32(0);
            return;
        }

        w.UInt32(1); // ASSET_TYPE_CREDIT_ALPHANUM4
        w.UInt32(SyntheticAccounts.AssetCodes[(asset - 1) % SyntheticAccounts.AssetCodes.Length]);
        AccountId(w, asset * 97);
    }

    public static void ScSymbol(XdrBufferWriter w, ReadOnlySpan<byte> symbol)
    {
        w.UInt32(15); // SCV_SYMBOL
        w.Opaque(symbol);
    }

    public static void ScAccount(XdrBufferWriter w, int account)
    {
        w.UInt32(18); // SCV_ADDRESS
        w.UInt32(0); // SC_ADDRESS_TYPE_ACCOUNT
        AccountId(w, account);
    }

    public static void ContractAddress(XdrBufferWriter w, int contract)
    {
        w.UInt32(1); // SC_ADDRESS_TYPE_CONTRACT
        w.Bytes(SyntheticAccounts.Contract(contract));
    }

    public static void ScI128(XdrBufferWriter w, ulong low)
    {
        w.UInt32(10); // SCV_I128
        w.UInt64(0);
        w.UInt64(low);
    }

    /// <summary>The key of a token balance: <c>vec[sym "Balance", address]</c>.</summary>
    public static void BalanceKey(XdrBufferWriter w, int account)
    {
        w.UInt32(16); // SCV_VEC
        w.UInt32(1);
        w.UInt32(2);
        ScSymbol(w, Balance);
        ScAccount(w, account);
    }

    /// <summary>A LedgerKey of a contract's balance entry (persistent contract data).</summary>
    public static void BalanceLedgerKey(XdrBufferWriter w, int contract, int account)
    {
        w.UInt32(6); // CONTRACT_DATA
        ContractAddress(w, contract);
        BalanceKey(w, account);
        w.UInt32(1); // PERSISTENT
    }

    /// <summary>A LedgerEntryChange of an account: its state, or its update, differing only in balance and sequence.</summary>
    public static void AccountChange(XdrBufferWriter w, uint changeType, long sequence, int account, ulong balance)
    {
        w.UInt32(changeType);
        w.UInt32((uint)sequence - 1);
        w.UInt32(0); // ACCOUNT
        AccountId(w, account);
        w.UInt64(balance);
        w.UInt64(((ulong)account << 32) | 17); // seqNum
        w.UInt32(3); // numSubEntries
        w.UInt32(0); // no inflationDest
        w.UInt32(0); // flags
        w.UInt32(0); // homeDomain
        w.UInt32(0x01000000); // thresholds
        w.UInt32(0); // signers
        w.UInt32(0); // AccountEntry ext
        w.UInt32(0); // LedgerEntry ext
    }

    /// <summary>A LedgerEntryChange of a contract balance entry.</summary>
    public static void BalanceChange(XdrBufferWriter w, uint changeType, long sequence, int contract, int account, ulong amount)
    {
        w.UInt32(changeType);
        w.UInt32((uint)sequence - 1);
        w.UInt32(6); // CONTRACT_DATA
        w.UInt32(0); // ContractDataEntry ext
        ContractAddress(w, contract);
        BalanceKey(w, account);
        w.UInt32(1); // PERSISTENT
        ScI128(w, amount);
        w.UInt32(0); // LedgerEntry ext
    }

    /// <summary>A contract "transfer" event: topics [sym, from, to], data i128.</summary>
    public static void TransferEvent(XdrBufferWriter w, int contract, int from, int to, ulong amount)
    {
        w.UInt32(0); // ext
        w.UInt32(1); // contractID present
        w.Bytes(SyntheticAccounts.Contract(contract));
        w.UInt32(1); // CONTRACT
        w.UInt32(0); // body v0
        w.UInt32(3);
        ScSymbol(w, Transfer);
        ScAccount(w, from);
        ScAccount(w, to);
        ScI128(w, amount);
    }
}
