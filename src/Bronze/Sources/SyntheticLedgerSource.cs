using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Bronze.Layout;

namespace Bronze.Sources;

/// <summary>
/// A deterministic source of realistic <c>ledgers_lcm_raw</c> rows, the default of the copier: the same network,
/// ledger and options always give the same row, byte for byte, in any process. XDR sizes are log-normal around
/// <see cref="SyntheticLedgerOptions.MeanXdrBytes"/> and the XDR compresses like the real thing (about 3x with zstd).
/// Header fields look real: hashes chain (a ledger's hash is the next one's previous hash), close times rise about 5 s
/// per ledger, the protocol version steps up with the sequence, coins and fee pool grow.
/// </summary>
/// <remarks>Stellar's first ledger is 1, so ledger 0 is never yielded. Thread-safe.</remarks>
public sealed class SyntheticLedgerSource : ILedgerSource
{
    /// <summary>The first ledger that exists.</summary>
    public const long FirstLedger = 1;

    // pubnet's genesis close time, 2015-09-30T16:46:54Z.
    private const long GenesisCloseSeconds = 1_443_631_614;
    private const long SecondsPerLedger = 5;
    private const long InitialTotalCoins = 1_000_000_000_000_000_000;
    private const double SizeSigma = 0.6;

    private static readonly (long FromLedger, int Version)[] ProtocolSteps =
    [
        (0, 1), (1_000_000, 4), (5_000_000, 8), (10_000_000, 10), (20_000_000, 12), (30_000_000, 15),
        (40_000_000, 18), (48_000_000, 19), (50_000_000, 20), (52_000_000, 21), (54_000_000, 22), (57_000_000, 23),
    ];

    private readonly double _sizeMu;

    /// <summary>Creates the source.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="Errors.BronzeException">An option is out of range.</exception>
    public SyntheticLedgerSource(SyntheticLedgerOptions? options = null)
    {
        Options = (options ?? new SyntheticLedgerOptions()).Validate();
        _sizeMu = Math.Log(Options.MeanXdrBytes) - (SizeSigma * SizeSigma / 2);
    }

    /// <summary>The options.</summary>
    public SyntheticLedgerOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "synthetic";

    /// <inheritdoc/>
    public long ExpectedRowCount(long start, long end) => Math.Max(0, end - Math.Max(start, FirstLedger) + 1);

    /// <inheritdoc/>
    public async IAsyncEnumerable<LedgerRow> ReadAsync(
        DatasetRef dataset, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        await Task.CompletedTask.ConfigureAwait(false);
        for (long sequence = Math.Max(start, FirstLedger); sequence <= end; sequence++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Create(dataset, sequence);
        }
    }

    /// <summary>The row of one ledger.</summary>
    /// <param name="dataset">The dataset; its network seeds the data.</param>
    /// <param name="sequence">The ledger, at least <see cref="FirstLedger"/>.</param>
    public LedgerRow Create(DatasetRef dataset, long sequence)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, FirstLedger);
        ulong networkSeed = NetworkSeed(dataset.Network);
        var random = new SplitMix64(SplitMix64.Mix(networkSeed, (ulong)sequence));

        Span<byte> ledgerHash = stackalloc byte[32];
        Span<byte> previousHash = stackalloc byte[32];
        Span<byte> txSetHash = stackalloc byte[32];
        LedgerHash(networkSeed, sequence, ledgerHash);
        if (sequence > FirstLedger) LedgerHash(networkSeed, sequence - 1, previousHash);
        else previousHash.Clear();
        for (int i = 0; i < 32; i += 8) BinaryPrimitives.WriteUInt64LittleEndian(txSetHash[i..], random.Next());

        long closeSeconds = GenesisCloseSeconds + (sequence * SecondsPerLedger) + (long)(SplitMix64.Mix(~networkSeed, (ulong)sequence) % 3);
        int protocol = ProtocolVersion(sequence);
        long totalCoins = InitialTotalCoins + (sequence * 1_000);
        long feePool = (sequence * 3_000) + random.NextInt(1_000);
        bool txCountKnown = !random.OneIn(50);
        bool operationCountKnown = !random.OneIn(50);

        byte[] xdr = new byte[XdrSize(ref random)];
        var header = new SyntheticHeader
        {
            Sequence = sequence,
            LedgerHash = ledgerHash,
            PreviousLedgerHash = previousHash,
            TxSetHash = txSetHash,
            CloseTimeSeconds = closeSeconds,
            ProtocolVersion = protocol,
            TotalCoins = totalCoins,
            FeePool = feePool,
        };
        (int transactions, int operations) = SyntheticXdrComposer.Instance.Compose(xdr, header, ref random);

        return new LedgerRow
        {
            LedgerSequence = sequence,
            LedgerHash = Convert.ToHexStringLower(ledgerHash),
            PreviousLedgerHash = Convert.ToHexStringLower(previousHash),
            CloseTime = DateTimeOffset.FromUnixTimeSeconds(closeSeconds),
            ProtocolVersion = protocol,
            TotalCoins = totalCoins,
            FeePool = feePool,
            TxSetHash = Convert.ToHexStringLower(txSetHash),
            TxCount = txCountKnown ? transactions : null,
            OperationCount = operationCountKnown ? operations : null,
            XdrBytes = xdr,
            XdrSha256 = Convert.ToHexStringLower(SHA256.HashData(xdr)),
        };
    }

    private int XdrSize(ref SplitMix64 random)
    {
        // Box-Muller: one standard normal from two uniforms; 1 - u keeps the logarithm finite.
        double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double size = Math.Exp(_sizeMu + (SizeSigma * normal));
        double clamped = Math.Clamp(size, 128, Options.MeanXdrBytes * 16.0);
        return (int)clamped & ~3; // XDR is 4-byte aligned
    }

    private static void LedgerHash(ulong networkSeed, long sequence, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(input, networkSeed);
        BinaryPrimitives.WriteInt64LittleEndian(input[8..], sequence);
        SHA256.HashData(input, destination);
    }

    private static int ProtocolVersion(long sequence)
    {
        int version = ProtocolSteps[0].Version;
        foreach ((long from, int v) in ProtocolSteps)
        {
            if (sequence >= from) version = v;
        }

        return version;
    }

    // FNV-1a: stable across processes, unlike string.GetHashCode.
    private static ulong NetworkSeed(string network)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(network)) hash = (hash ^ b) * 0x100000001B3UL;
        return hash;
    }
}
