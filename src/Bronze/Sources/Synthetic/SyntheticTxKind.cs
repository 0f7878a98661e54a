namespace Bronze.Sources.Synthetic;

/// <summary>The kinds of synthetic transaction.</summary>
internal enum SyntheticTxKind
{
    /// <summary>A classic transaction (ENVELOPE_TYPE_TX) of 1-3 operations.</summary>
    Classic,

    /// <summary>A fee bump (ENVELOPE_TYPE_TX_FEE_BUMP) around a classic transaction.</summary>
    FeeBump,

    /// <summary>A Soroban contract call: one invokeHostFunction with its footprint and resources.</summary>
    Soroban,
}
