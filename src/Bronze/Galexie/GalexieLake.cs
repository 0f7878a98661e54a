using Bronze.Storage;
using Bronze.Galexie;

namespace Bronze;

/// <summary>
/// A galexie data lake (Stellar's ledger archive, SEP-54) read through any Bronze store: its config, where each ledger
/// is, and its newest and oldest ledger. Reads only. Thread-safe.
/// </summary>
public sealed class GalexieLake
{
    // Galexie writes `.xdr.zst` since v23 and `.xdr.zstd` before; one lake can hold both. The last extension seen is
    // tried first, so a lake costs one GET per batch and a listing only where the extension changes.
    private volatile string _extension = GalexieLayout.Extension;

    private GalexieLake(IObjectStore store, GalexieConfig config)
    {
        Store = store;
        Config = config;
        Layout = new GalexieLayout(config);
    }

    /// <summary>The first ledger a lake can hold: ledger 1, the genesis ledger, has no LedgerCloseMeta.</summary>
    public const long FirstLedger = 2;

    /// <summary>The store the lake is in, rooted at the lake's root.</summary>
    public IObjectStore Store { get; }

    /// <summary>The lake's <c>.config.json</c>.</summary>
    public GalexieConfig Config { get; }

    /// <summary>Where the lake keeps each ledger.</summary>
    public GalexieLayout Layout { get; }

    /// <summary>The lake's URL, for messages.</summary>
    public string Description => Store.Description;

    /// <summary>Opens the lake: reads and checks its <c>.config.json</c>.</summary>
    /// <param name="store">The store, rooted at the lake's root (the folder holding <c>.config.json</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> (field <c>source</c>) when the config is missing, malformed or names
    /// another compression than zstd; otherwise the store failed.
    /// </exception>
    public static async Task<GalexieLake> OpenAsync(IObjectStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        byte[] json;
        try
        {
            Stream stream = await store.OpenReadAsync(GalexieConfig.Key, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                json = await ReadBoundedAsync(stream, store.Description, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.NotFound)
        {
            throw new BronzeException(BronzeErrorKind.InvalidInput,
                $"{store.Description} is not a galexie lake: it has no {GalexieConfig.Key} at its root.", field: "lake", innerException: e);
        }

        return new GalexieLake(store, GalexieConfig.Parse(json, store.Description));
    }

    /// <summary>The newest ledger the lake holds: the end of the first batch file in key order (the hex inverts it).</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The ledger, or <see langword="null"/> when the lake holds no batch file.</returns>
    /// <exception cref="BronzeException">The store failed.</exception>
    public async Task<long?> FindNewestLedgerAsync(CancellationToken cancellationToken = default)
    {
        await foreach (ObjectInfo item in Store.ListAsync("", cancellationToken).ConfigureAwait(false))
        {
            if (GalexieLayout.TryParseBatchKey(item.Key, out var batch)) return batch.End;
        }

        return null;
    }

    /// <summary>
    /// The oldest ledger of the lake, found by a binary search over batch files below the newest (about 30 listings),
    /// which assumes what galexie writes: one run of batches without holes. With holes it finds the start of some run.
    /// </summary>
    /// <param name="newest">The newest ledger (see <see cref="FindNewestLedgerAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the listings.</param>
    /// <exception cref="BronzeException">The store failed.</exception>
    public async Task<long> FindOldestLedgerAsync(long newest, CancellationToken cancellationToken = default)
    {
        long batch = Layout.LedgersPerBatch;
        long low = 0, high = Layout.BatchStart(newest) / batch;
        while (low < high)
        {
            long middle = low + ((high - low) / 2);
            if (await FindBatchKeyAsync(middle * batch, cancellationToken).ConfigureAwait(false) is not null) high = middle;
            else low = middle + 1;
        }

        return Math.Max(low * batch, FirstLedger);
    }

    /// <summary>Opens the batch file holding <paramref name="sequence"/>.</summary>
    /// <returns>The key and the compressed stream, or <see langword="null"/> when the lake has no such batch.</returns>
    internal async Task<(string Key, Stream Content)?> OpenBatchAsync(long sequence, CancellationToken cancellationToken)
    {
        string extension = _extension;
        string key = Layout.BatchKey(sequence, extension);
        try
        {
            return (key, await Store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false));
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.NotFound)
        {
            // Not under the extension tried: list the batch's own name to find it under the other one.
        }

        if (await FindBatchKeyAsync(sequence, cancellationToken).ConfigureAwait(false) is not { } found) return null;
        _extension = found.Extension;
        try
        {
            return (found.Key, await Store.OpenReadAsync(found.Key, cancellationToken).ConfigureAwait(false));
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.NotFound)
        {
            return null;
        }
    }

    private async Task<(string Key, string Extension)?> FindBatchKeyAsync(long sequence, CancellationToken cancellationToken)
    {
        string stem = Layout.BatchKeyStem(sequence);
        await foreach (ObjectInfo item in Store.ListAsync(stem, cancellationToken).ConfigureAwait(false))
        {
            if (item.Key.Length > stem.Length && item.Key[stem.Length] == '.' && GalexieLayout.TryParseBatchKey(item.Key, out var batch))
                return (item.Key, batch.Extension);
        }

        return null;
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, string where, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > GalexieConfig.MaxBytes)
            {
                throw new BronzeException(BronzeErrorKind.InvalidInput,
                    $"The galexie lake's {GalexieConfig.Key} in {where} is over {GalexieConfig.MaxBytes} bytes: not a galexie config.", field: "lake");
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }
}
