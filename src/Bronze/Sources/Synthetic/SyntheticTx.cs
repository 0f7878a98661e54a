namespace Bronze.Sources.Synthetic;

/// <summary>
/// One synthetic transaction as planned: what the envelope and its result meta are both written from, so the two agree.
/// </summary>
/// <param name="Kind">Classic, fee bump around a classic one, or a Soroban contract call.</param>
/// <param name="Source">The source account's index in the pool.</param>
/// <param name="Operations">How many operations (1 for Soroban).</param>
/// <param name="Seed">Seeds the operations' types and values: the same in the envelope and in the meta.</param>
/// <param name="Failed">Whether it failed (its operations still count, their meta is empty).</param>
internal readonly record struct SyntheticTx(SyntheticTxKind Kind, int Source, int Operations, ulong Seed, bool Failed)
{
    /// <summary>The operation types of Stellar this generator writes, with their XDR values.</summary>
    public const int CreateAccount = 0, Payment = 1, PathPaymentStrictReceive = 2, ManageSellOffer = 3, ChangeTrust = 6,
        ManageData = 10, BumpSequence = 11, InvokeHostFunction = 24;

    private static readonly int[] ClassicTypes =
        [Payment, Payment, Payment, Payment, Payment, Payment, Payment, Payment, Payment, Payment,
         PathPaymentStrictReceive, PathPaymentStrictReceive, ManageSellOffer, ManageSellOffer, ManageSellOffer,
         CreateAccount, ChangeTrust, ChangeTrust, ManageData, BumpSequence];

    /// <summary>The type of operation <paramref name="index"/>.</summary>
    public int OperationType(int index) => Kind == SyntheticTxKind.Soroban
        ? InvokeHostFunction
        : ClassicTypes[(int)(SplitMix64.Mix(Seed, (ulong)index) % (ulong)ClassicTypes.Length)];

    /// <summary>The contract a Soroban transaction calls and the account it pays, the same in envelope and meta.</summary>
    public (int Contract, int To) SorobanParties()
    {
        var random = new SplitMix64(SplitMix64.Mix(Seed ^ 0x534F524F42414EUL, 0));
        return (random.NextInt(SyntheticAccounts.ContractCount), random.NextInt(SyntheticAccounts.AccountCount));
    }

    /// <summary>A generator for operation <paramref name="index"/>'s values, the same wherever it is asked for.</summary>
    public SplitMix64 OperationRandom(int index) => new(SplitMix64.Mix(Seed ^ 0x4F50UL, (ulong)index));
}
