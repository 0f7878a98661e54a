using static Bronze.Sources.Synthetic.SyntheticValues;

namespace Bronze.Sources.Synthetic;

/// <summary>
/// Writes a planned transaction's entry of <c>txProcessing</c>: its result, the fee charged to its source, and its meta
/// (TransactionMeta v3 before protocol 23, v4 with events from 23), each account entry as its state before and after.
/// </summary>
internal static class SyntheticResults
{
    private const uint Updated = 1, State = 3;

    private static ReadOnlySpan<byte> Fee => "fee"u8;

    public static void Write(XdrBufferWriter w, in SyntheticTx tx, long sequence, bool p23Plus, ref SplitMix64 random)
    {
        if (p23Plus) w.UInt32(0); // TransactionResultMetaV1 ext
        w.Random(ref random, 32); // transaction hash
        long fee = tx.Kind == SyntheticTxKind.Soroban ? 60_000 + random.NextInt(100_000) : 100L * tx.Operations;
        w.Int64(fee);
        if (tx.Kind == SyntheticTxKind.FeeBump)
        {
            w.Int32(tx.Failed ? -13 : 1); // txFEE_BUMP_INNER_FAILED, txFEE_BUMP_INNER_SUCCESS
            w.Random(ref random, 32); // inner transaction hash
            w.Int64(0);
        }

        w.Int32(tx.Failed ? -1 : 0); // txFAILED, txSUCCESS
        w.UInt32((uint)tx.Operations);
        for (int i = 0; i < tx.Operations; i++) OperationResult(w, tx, i, ref random);
        if (tx.Kind == SyntheticTxKind.FeeBump) w.UInt32(0); // InnerTransactionResult ext
        w.UInt32(0); // TransactionResult ext

        int payer = tx.Kind == SyntheticTxKind.FeeBump ? tx.Source + 1 : tx.Source;
        ulong balance = (random.Next() >> 24) + 1_000_000;
        w.UInt32(2); // feeProcessing
        AccountChange(w, State, sequence, payer, balance);
        AccountChange(w, Updated, sequence, payer, balance - (ulong)fee);
        TransactionMeta(w, tx, sequence, p23Plus, balance - (ulong)fee, ref random);
        if (p23Plus) w.UInt32(0); // postTxApplyFeeProcessing
    }

    private static void OperationResult(XdrBufferWriter w, in SyntheticTx tx, int index, ref SplitMix64 random)
    {
        int type = tx.OperationType(index);
        w.UInt32(0); // opINNER
        w.UInt32((uint)type);
        if (tx.Failed)
        {
            w.Int32(-1); // every operation type's MALFORMED code
            return;
        }

        w.UInt32(0); // success
        SplitMix64 op = tx.OperationRandom(index);
        int destination = op.NextInt(SyntheticAccounts.AccountCount);
        int asset = op.NextInt(SyntheticAccounts.AssetCodes.Length + 1);
        ulong amount = op.Next() >> 30;
        switch (type)
        {
            case SyntheticTx.PathPaymentStrictReceive:
                w.UInt32(0); // offers claimed
                AccountId(w, destination);
                Asset(w, asset);
                w.UInt64(amount);
                break;
            case SyntheticTx.ManageSellOffer:
                w.UInt32(0); // offers claimed
                w.UInt32(0); // MANAGE_OFFER_CREATED
                AccountId(w, tx.Source);
                w.UInt64(random.Next() >> 20); // offerID
                Asset(w, asset);
                Asset(w, 0);
                w.UInt64(amount);
                w.UInt32(1 + (uint)op.NextInt(1000));
                w.UInt32(1000);
                w.UInt32(0); // flags
                w.UInt32(0); // ext
                break;
            case SyntheticTx.InvokeHostFunction:
                w.Random(ref random, 32); // hash of the return value and events
                break;
        }
    }

    private static void TransactionMeta(XdrBufferWriter w, in SyntheticTx tx, long sequence, bool p23Plus, ulong balance, ref SplitMix64 random)
    {
        w.UInt32(p23Plus ? 4u : 3u);
        w.UInt32(0); // ext
        w.UInt32(2); // txChangesBefore: the sequence number bump
        AccountChange(w, State, sequence, tx.Source, balance);
        AccountChange(w, Updated, sequence, tx.Source, balance);
        int operations = tx.Failed ? 0 : tx.Operations;
        w.UInt32((uint)operations);
        for (int i = 0; i < operations; i++)
        {
            if (p23Plus) w.UInt32(0); // OperationMetaV2 ext
            OperationChanges(w, tx, i, sequence, p23Plus, ref random);
        }

        w.UInt32(0); // txChangesAfter
        bool soroban = tx.Kind == SyntheticTxKind.Soroban;
        w.UInt32(soroban ? 1u : 0u);
        if (soroban)
        {
            w.UInt32(1); // SorobanTransactionMetaExt v1: extension point, then three fee figures
            w.UInt32(0);
            w.UInt64(40_000 + (random.Next() >> 50));
            w.UInt64(random.Next() >> 48);
            w.UInt64(random.Next() >> 52);
            if (!p23Plus) w.UInt32(0); // events (v3 keeps them in the operation's place)
            else w.UInt32(1); // returnValue present
            ScI128(w, random.Next() >> 24);
            if (!p23Plus) w.UInt32(0); // diagnosticEvents
        }

        if (!p23Plus) return;
        w.UInt32(1); // transaction events: the fee
        w.UInt32(0); // TRANSACTION_EVENT_STAGE_BEFORE_ALL_TXS
        w.UInt32(0); // ext
        w.UInt32(1);
        w.Bytes(SyntheticAccounts.Contract(0)); // the native asset's contract
        w.UInt32(1); // CONTRACT
        w.UInt32(0);
        w.UInt32(2);
        ScSymbol(w, Fee);
        ScAccount(w, tx.Source);
        ScI128(w, balance & 0xFFFF);
        w.UInt32(0); // diagnosticEvents
    }

    private static void OperationChanges(XdrBufferWriter w, in SyntheticTx tx, int index, long sequence, bool p23Plus, ref SplitMix64 random)
    {
        SplitMix64 op = tx.OperationRandom(index);
        int destination = op.NextInt(SyntheticAccounts.AccountCount);
        ulong amount = op.Next() >> 30;
        ulong before = random.Next() >> 24;
        if (tx.Kind == SyntheticTxKind.Soroban)
        {
            (int contract, int to) = tx.SorobanParties();
            w.UInt32(4);
            BalanceChange(w, State, sequence, contract, tx.Source, before);
            BalanceChange(w, Updated, sequence, contract, tx.Source, before - (amount & 0xFFF));
            BalanceChange(w, State, sequence, contract, to, amount);
            BalanceChange(w, Updated, sequence, contract, to, amount + (amount & 0xFFF));
            if (p23Plus)
            {
                w.UInt32(1);
                TransferEvent(w, contract, tx.Source, to, amount & 0xFFF);
            }

            return;
        }

        w.UInt32(2);
        AccountChange(w, State, sequence, destination, before);
        AccountChange(w, Updated, sequence, destination, before + amount);
        if (!p23Plus) return;
        bool payment = tx.OperationType(index) == SyntheticTx.Payment;
        w.UInt32(payment ? 1u : 0u);
        if (payment) TransferEvent(w, 0, tx.Source, destination, amount);
    }
}
