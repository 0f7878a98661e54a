using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Stellar;
using Bronze.Galexie;

namespace Bronze;

/// <summary>
/// Ledgers from a galexie data lake (Stellar's ledger archive, SEP-54) on any Bronze store: local disk, S3 or GCS.
/// Batch files are read several at a time (see <see cref="GalexieSourceOptions"/>), decompressed, decoded and checked,
/// and the rows come out in ledger order.
/// </summary>
/// <remarks>
/// A range is read whole or not at all: a missing batch file, a ledger missing from a batch, a batch whose sequences
/// differ from its key, corrupt zstd or XDR, a ledger hash that is not the SHA-256 of its header, a previous-ledger
/// hash that does not chain (within the range, and to the ledger before it when the lake holds that one), or a
/// protocol outside the dataset's era (<c>pre_p23</c>: below 23; <c>p23_plus</c>: 23 and above) each throw a
/// <see cref="BronzeException"/> naming the ledger and the object key. Thread-safe: ranges may be read in parallel.
/// </remarks>
public sealed class GalexieLedgerSource : ILedgerSource
{
    /// <summary>The era label whose ledgers have protocols below 23.</summary>
    public const string PreP23Era = "pre_p23";

    /// <summary>The era label whose ledgers have protocol 23 or above.</summary>
    public const string P23PlusEra = "p23_plus";

    private const int EraProtocol = 23;

    private readonly GalexieSourceOptions _options;

    /// <summary>Creates the source.</summary>
    /// <param name="lake">The lake (see <see cref="GalexieLake.OpenAsync"/>).</param>
    /// <param name="options">How to read it; <see langword="null"/> for the defaults.</param>
    /// <exception cref="BronzeException">An option breaks its rule.</exception>
    public GalexieLedgerSource(GalexieLake lake, GalexieSourceOptions? options = null)
    {
        Lake = lake ?? throw new ArgumentNullException(nameof(lake));
        _options = (options ?? new GalexieSourceOptions()).Validate();
    }

    /// <summary>The lake.</summary>
    public GalexieLake Lake { get; }

    /// <inheritdoc/>
    public string Name => "galexie lake " + Lake.Description;

    /// <inheritdoc/>
    public long ExpectedRowCount(long start, long end) => Math.Max(0, end - Math.Max(start, GalexieLake.FirstLedger) + 1);

    /// <inheritdoc/>
    public async IAsyncEnumerable<LedgerRow> ReadAsync(
        DatasetRef dataset, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        long first = Math.Max(start, GalexieLake.FirstLedger);
        if (first > end) yield break;
        if (end > uint.MaxValue) throw BronzeException.Invalid("end", $"be at most {uint.MaxValue}, the last ledger Stellar can number");

        // The batch of the ledger before the range comes first when it is another batch, to check the hash chain
        // across the range's start; the lake may not hold it (it started there), which is no error.
        long previous = first - 1;
        bool previousBatchOptional = previous >= GalexieLake.FirstLedger && Lake.Layout.BatchStart(previous) != Lake.Layout.BatchStart(first);
        long from = Lake.Layout.BatchStart(previousBatchOptional ? previous : first);
        var starts = new List<long>();
        for (long batch = from; batch <= end; batch += Lake.Layout.LedgersPerBatch) starts.Add(batch);

        string? previousHash = null;
        bool firstBatch = true;
        await foreach (LakeBatch batch in OrderedBatchReads.ReadAsync(Lake, starts, _options, cancellationToken).ConfigureAwait(false))
        {
            bool optional = firstBatch && previousBatchOptional;
            firstBatch = false;
            if (batch.Missing)
            {
                if (optional) continue;
                long missing = Math.Max(first, FirstOfKey(batch.Key, first));
                throw new BronzeException(BronzeErrorKind.NotFound,
                    $"Galexie lake {Lake.Description}: ledger {missing} is missing: there is no batch file '{batch.Key}' (nor with another extension); nothing was published.");
            }

            foreach (DecodedLedger ledger in batch.Ledgers)
            {
                LedgerRow row = ledger.Row;
                long sequence = row.LedgerSequence;
                if (sequence < first)
                {
                    if (sequence == previous) previousHash = row.LedgerHash;
                    continue;
                }

                if (sequence > end) break;
                Check(dataset, row, previousHash, batch.Key);
                if (ledger.CountsUnavailableReason is { } reason) _options.Notices?.Report(new GalexieNotice(sequence, batch.Key, reason));
                previousHash = row.LedgerHash;
                yield return row;
            }
        }
    }

    private void Check(DatasetRef dataset, LedgerRow row, string? previousHash, string key)
    {
        if (previousHash is not null && !string.Equals(row.PreviousLedgerHash, previousHash, StringComparison.Ordinal))
        {
            throw new BronzeException(BronzeErrorKind.CorruptData,
                $"Galexie lake {Lake.Description}: ledger {row.LedgerSequence} in batch '{key}' names previous ledger hash {row.PreviousLedgerHash}, "
                + $"but ledger {row.LedgerSequence - 1} has hash {previousHash}: the chain is broken; nothing was published.");
        }

        bool fits = dataset.EraId switch
        {
            PreP23Era => row.ProtocolVersion < EraProtocol,
            P23PlusEra => row.ProtocolVersion >= EraProtocol,
            _ => true,
        };
        if (!fits)
        {
            string rule = dataset.EraId == PreP23Era ? $"protocols below {EraProtocol}" : $"protocols {EraProtocol} and above";
            throw new BronzeException(BronzeErrorKind.Failure,
                $"Galexie lake {Lake.Description}: ledger {row.LedgerSequence} in batch '{key}' has protocol {row.ProtocolVersion}, "
                + $"which does not fit era {dataset.EraId} ({rule}); nothing was published.");
        }
    }

    private static long FirstOfKey(string key, long fallback) =>
        GalexieLayout.TryParseBatchKey(key, out var batch) ? Math.Max(batch.Start, GalexieLake.FirstLedger) : fallback;
}
