using System.Buffers.Binary;

namespace Bronze.Sources.Synthetic;

/// <summary>
/// The fixed pools synthetic ledgers draw from, so that keys repeat within a file as they do on a real network (what
/// makes real meta compress): accounts, validators, contracts, asset codes. Built once from fixed seeds: every process
/// gives the same pools and so the same bytes.
/// </summary>
internal static class SyntheticAccounts
{
    public const int AccountCount = 2048;
    public const int ContractCount = 64;
    public const int ValidatorCount = 3;
    private const int KeyLength = 32;

    private static readonly byte[] AccountPool = CreatePool(AccountCount * KeyLength, seed: 0x42524F4E5A45UL);
    private static readonly byte[] ContractPool = CreatePool(ContractCount * KeyLength, seed: 0x434F4E5452414354UL);
    private static readonly byte[] ValidatorPool = CreatePool(ValidatorCount * KeyLength, seed: 0x56414C4944UL);

    /// <summary>Four-letter asset codes (USDC, EURC, yXLM, BTC, AQUA, SHIP), as big-endian words.</summary>
    public static ReadOnlySpan<uint> AssetCodes => [0x55534443, 0x45555243, 0x79584C4D, 0x42544300, 0x41515541, 0x53484950];

    /// <summary>Contract function names, as SCSymbol bytes.</summary>
    public static readonly byte[][] Functions = [.. new[] { "transfer", "swap", "deposit", "mint", "approve", "claim" }.Select(s => System.Text.Encoding.ASCII.GetBytes(s))];

    public static ReadOnlySpan<byte> Account(int index) => AccountPool.AsSpan(index % AccountCount * KeyLength, KeyLength);

    public static ReadOnlySpan<byte> Contract(int index) => ContractPool.AsSpan(index % ContractCount * KeyLength, KeyLength);

    public static ReadOnlySpan<byte> Validator(int index) => ValidatorPool.AsSpan(index % ValidatorCount * KeyLength, KeyLength);

    private static byte[] CreatePool(int length, ulong seed)
    {
        var random = new SplitMix64(seed);
        byte[] pool = new byte[length];
        for (int i = 0; i < length; i += 8) BinaryPrimitives.WriteUInt64LittleEndian(pool.AsSpan(i), random.Next());
        return pool;
    }
}
