using static Bronze.Sources.Synthetic.SyntheticValues;

namespace Bronze.Sources.Synthetic;

/// <summary>Writes the TransactionEnvelope of a planned <see cref="SyntheticTx"/>.</summary>
internal static class SyntheticEnvelopes
{
    private static ReadOnlySpan<byte> DataName => "config"u8;

    public static void Write(XdrBufferWriter w, in SyntheticTx tx, long sequence, long closeTime, ref SplitMix64 random)
    {
        if (tx.Kind == SyntheticTxKind.FeeBump)
        {
            w.UInt32(5); // ENVELOPE_TYPE_TX_FEE_BUMP
            MuxedAccount(w, tx.Source + 1);
            w.Int64(400L * tx.Operations);
        }

        w.UInt32(2); // ENVELOPE_TYPE_TX (the fee bump's inner transaction too)
        MuxedAccount(w, tx.Source);
        w.UInt32(tx.Kind == SyntheticTxKind.Soroban ? 250_000u : 100u * (uint)tx.Operations);
        w.UInt64(((ulong)tx.Source << 32) | (uint)(sequence & 0xFFFF)); // seqNum
        w.UInt32(1); // PRECOND_TIME
        w.UInt64(0);
        w.UInt64((ulong)closeTime + 300);
        Memo(w, ref random);
        w.UInt32((uint)tx.Operations);
        for (int i = 0; i < tx.Operations; i++) Operation(w, tx, i);
        if (tx.Kind == SyntheticTxKind.Soroban) SorobanData(w, tx, ref random);
        else w.UInt32(0);
        Signature(w, tx.Source, ref random);
        if (tx.Kind == SyntheticTxKind.FeeBump)
        {
            w.UInt32(0); // FeeBumpTransaction ext
            Signature(w, tx.Source + 1, ref random);
        }
    }

    private static void Memo(XdrBufferWriter w, ref SplitMix64 random)
    {
        switch (random.NextInt(8))
        {
            case 0:
                w.UInt32(2); // MEMO_ID
                w.UInt64(random.Next() >> 40);
                break;
            case 1:
                w.UInt32(1); // MEMO_TEXT
                w.Opaque("invoice 2024"u8);
                break;
            default:
                w.UInt32(0); // MEMO_NONE
                break;
        }
    }

    private static void Signature(XdrBufferWriter w, int signer, ref SplitMix64 random)
    {
        w.UInt32(1);
        w.Bytes(SyntheticAccounts.Account(signer)[^4..]); // hint
        w.UInt32(64);
        w.Random(ref random, 64);
    }

    private static void Operation(XdrBufferWriter w, in SyntheticTx tx, int index)
    {
        int type = tx.OperationType(index);
        SplitMix64 random = tx.OperationRandom(index);
        int destination = random.NextInt(SyntheticAccounts.AccountCount);
        int asset = random.NextInt(SyntheticAccounts.AssetCodes.Length + 1);
        ulong amount = random.Next() >> 30;
        w.UInt32(0); // no operation source
        w.UInt32((uint)type);
        switch (type)
        {
            case SyntheticTx.CreateAccount:
                AccountId(w, destination);
                w.UInt64(amount);
                break;
            case SyntheticTx.Payment:
                MuxedAccount(w, destination);
                Asset(w, asset);
                w.UInt64(amount);
                break;
            case SyntheticTx.PathPaymentStrictReceive:
                Asset(w, 0);
                w.UInt64(amount * 2);
                MuxedAccount(w, destination);
                Asset(w, asset);
                w.UInt64(amount);
                w.UInt32(1); // path
                Asset(w, 1 + ((asset + 1) % SyntheticAccounts.AssetCodes.Length));
                break;
            case SyntheticTx.ManageSellOffer:
                Asset(w, asset);
                Asset(w, 0);
                w.UInt64(amount);
                w.UInt32(1 + (uint)random.NextInt(1000)); // price n
                w.UInt32(1000); // price d
                w.UInt64(0); // new offer
                break;
            case SyntheticTx.ChangeTrust:
                Asset(w, 1 + (asset % SyntheticAccounts.AssetCodes.Length));
                w.UInt64(long.MaxValue);
                break;
            case SyntheticTx.ManageData:
                w.Opaque(DataName);
                w.UInt32(1);
                w.UInt32(8);
                w.UInt64(amount);
                break;
            case SyntheticTx.BumpSequence:
                w.UInt64(((ulong)tx.Source << 32) | 0xFFFF);
                break;
            default:
                InvokeContract(w, tx, ref random);
                break;
        }
    }

    private static void InvokeContract(XdrBufferWriter w, in SyntheticTx tx, ref SplitMix64 random)
    {
        (int contract, int to) = tx.SorobanParties();
        byte[] function = SyntheticAccounts.Functions[random.NextInt(SyntheticAccounts.Functions.Length)];
        w.UInt32(0); // HOST_FUNCTION_TYPE_INVOKE_CONTRACT
        ContractArgs(w, contract, function, tx.Source, to, random.Next() >> 24);
        w.UInt32(1); // one authorization entry, by the source account
        w.UInt32(0); // SOROBAN_CREDENTIALS_SOURCE_ACCOUNT
        w.UInt32(0); // SOROBAN_AUTHORIZED_FUNCTION_TYPE_CONTRACT_FN
        ContractArgs(w, contract, function, tx.Source, to, random.Next() >> 24);
        w.UInt32(0); // no sub-invocations
    }

    private static void ContractArgs(XdrBufferWriter w, int contract, byte[] function, int from, int to, ulong amount)
    {
        ContractAddress(w, contract);
        w.Opaque(function);
        w.UInt32(3);
        ScAccount(w, from);
        ScAccount(w, to);
        ScI128(w, amount);
    }

    private static void SorobanData(XdrBufferWriter w, in SyntheticTx tx, ref SplitMix64 random)
    {
        (int contract, int to) = tx.SorobanParties();
        w.UInt32(1); // TransactionExt v1: SorobanTransactionData
        w.UInt32(0); // ext
        w.UInt32(2); // footprint.readOnly: the contract's code and instance
        w.UInt32(7); // CONTRACT_CODE
        w.Bytes(SyntheticAccounts.Contract(contract + 1));
        w.UInt32(6); // CONTRACT_DATA
        ContractAddress(w, contract);
        w.UInt32(20); // SCV_LEDGER_KEY_CONTRACT_INSTANCE
        w.UInt32(1); // PERSISTENT
        w.UInt32(2); // footprint.readWrite: the two balances
        BalanceLedgerKey(w, contract, tx.Source);
        BalanceLedgerKey(w, contract, to);
        w.UInt32(2_000_000 + (uint)random.NextInt(8_000_000)); // instructions
        w.UInt32(10_000); // diskReadBytes
        w.UInt32(1_000); // writeBytes
        w.UInt64(60_000 + (random.Next() >> 50)); // resourceFee
    }
}
