using System.Runtime.CompilerServices;
using Bronze.Galexie;
using Bronze.Layout;
using Bronze.Sources;

namespace Bronze.LakeWriter;

/// <summary>Writes a galexie lake of synthetic ledgers: the rows' XDR of <see cref="SyntheticLedgerSource"/>, unchanged.</summary>
public static class SyntheticLake
{
    /// <summary>Writes ledgers <paramref name="start"/>..<paramref name="end"/> of the synthetic source as a lake.</summary>
    /// <param name="directory">The lake's root folder.</param>
    /// <param name="config">The lake's config.</param>
    /// <param name="dataset">The dataset whose synthetic ledgers to take (its network and era shape the XDR).</param>
    /// <param name="start">The first ledger, at least 1.</param>
    /// <param name="end">The last ledger.</param>
    /// <param name="options">The synthetic source's options; <see langword="null"/> for its defaults.</param>
    /// <param name="extension"><c>zst</c> or <c>zstd</c>.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The number of batch files written.</returns>
    public static Task<int> WriteAsync(
        string directory, GalexieConfig config, DatasetRef dataset, long start, long end, SyntheticLedgerOptions? options = null,
        string extension = GalexieLayout.Extension, CancellationToken cancellationToken = default)
    {
        var source = new SyntheticLedgerSource(options);
        return GalexieLakeWriter.WriteAsync(directory, config, LedgersAsync(source, dataset, start, end, cancellationToken), extension, cancellationToken);
    }

    private static async IAsyncEnumerable<LedgerXdr> LedgersAsync(
        SyntheticLedgerSource source, DatasetRef dataset, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (LedgerRow row in source.ReadAsync(dataset, start, end, cancellationToken).ConfigureAwait(false))
            yield return new LedgerXdr(row.LedgerSequence, row.XdrBytes);
    }
}
