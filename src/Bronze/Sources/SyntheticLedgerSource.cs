using System.Runtime.CompilerServices;
using System.Text;
using Bronze.Layout;
using Bronze.Sources.Synthetic;
using Bronze.Stellar;
using Bronze.Sources;

namespace Bronze;

/// <summary>
/// A deterministic source of real-format <c>ledgers_lcm_raw</c> rows, the default of the copier: the same network, era,
/// ledger and options always give the same row, byte for byte, in any process. Each ledger is a valid
/// <c>LedgerCloseMeta</c>: v1 (protocols 20-22) for any era but <c>p23_plus</c>, which gets v2 (protocols 23 and later).
/// Its header's hash is the SHA-256 of its bytes and holds the previous ledger's hash: a real chain within segments of
/// 1,000,000 ledgers, whose first ledger holds a seeded previous hash (so a partition whose size divides 1,000,000 never
/// holds a break, and no read has to walk more than one segment's headers);
/// its transactions (payments, offers, trust lines, path payments, fee bumps, Soroban contract calls...) come with
/// matching results and meta. Sizes are log-normal around <see cref="SyntheticLedgerOptions.MeanXdrBytes"/>, and the
/// XDR compresses like real meta (keys repeat, hashes and signatures do not). The row's columns are read back from the
/// XDR by <see cref="LedgerCloseMetaDecoder"/>, the decoder real ledgers go through.
/// </summary>
/// <remarks>
/// Stellar's first ledger is 1, so ledger 0 is never yielded. Thread-safe. <c>tx_set_hash</c> is random rather than the
/// hash of the set, so that walking the chain needs only headers. The first read in a segment in a process walks its
/// headers up to the ledger read (about 1 µs each); later reads start from a remembered hash at most 4,096 ledgers back.
/// </remarks>
public sealed class SyntheticLedgerSource : ILedgerSource
{
    /// <summary>The first ledger that exists.</summary>
    public const long FirstLedger = 1;

    private const double SizeSigma = 0.6;

    private readonly double _sizeMu;

    /// <summary>Creates the source.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="BronzeException">An option is out of range.</exception>
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
        long first = Math.Max(start, FirstLedger);
        if (first > end) yield break;
        ulong chainSeed = ChainSeed(dataset.Network);
        bool p23Plus = SyntheticEra.IsP23Plus(dataset.EraId);
        byte[] previous = new byte[32], hash = new byte[32];
        SyntheticChain.Shared.PreviousHashOf(chainSeed, p23Plus, first, previous);
        for (long sequence = first; sequence <= end; sequence++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LedgerRow row = Build(chainSeed, p23Plus, sequence, previous, hash);
            SyntheticChain.Next(chainSeed, p23Plus, sequence, hash, previous);
            yield return row;
        }
    }

    /// <summary>The row of one ledger.</summary>
    /// <param name="dataset">The dataset; its network seeds the data and its era picks the LedgerCloseMeta version.</param>
    /// <param name="sequence">The ledger, at least <see cref="FirstLedger"/>.</param>
    public LedgerRow Create(DatasetRef dataset, long sequence)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, FirstLedger);
        ulong chainSeed = ChainSeed(dataset.Network);
        bool p23Plus = SyntheticEra.IsP23Plus(dataset.EraId);
        Span<byte> previous = stackalloc byte[32];
        Span<byte> hash = stackalloc byte[32];
        SyntheticChain.Shared.PreviousHashOf(chainSeed, p23Plus, sequence, previous);
        return Build(chainSeed, p23Plus, sequence, previous, hash);
    }

    private LedgerRow Build(ulong chainSeed, bool p23Plus, long sequence, ReadOnlySpan<byte> previous, Span<byte> hash)
    {
        var random = new SplitMix64(SplitMix64.Mix(chainSeed ^ 0x53495A45UL, (ulong)sequence));
        byte[] xdr = SyntheticLedger.Compose(chainSeed, p23Plus, sequence, previous, XdrSize(ref random), hash);
        return LedgerCloseMetaDecoder.Decode(xdr).Row;
    }

    private int XdrSize(ref SplitMix64 random)
    {
        // Box-Muller: one standard normal from two uniforms; 1 - u keeps the logarithm finite.
        double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double size = Math.Exp(_sizeMu + (SizeSigma * normal));
        return (int)Math.Clamp(size, 128, Options.MeanXdrBytes * 16.0);
    }

    // FNV-1a: stable across processes, unlike string.GetHashCode.
    private static ulong ChainSeed(string network)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(network)) hash = (hash ^ b) * 0x100000001B3UL;
        return hash;
    }
}
