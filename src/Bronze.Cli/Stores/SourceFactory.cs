using Bronze.Cli.Settings;
using Bronze.Galexie;
using Bronze.Layout;
using Bronze.Sources;
using Bronze.Storage;

namespace Bronze.Cli.Stores;

/// <summary>Opens the ledger source <c>--source</c> names, running every check that needs no ledger before anything is written.</summary>
internal static class SourceFactory
{
    /// <summary>
    /// Opens the source: the synthetic source, or a lake whose <c>.config.json</c> is read and checked (present,
    /// well-formed, zstd, the network's passphrase). A failed check is a <see cref="CliUsageException"/> (exit 2).
    /// </summary>
    public static async Task<OpenedSource> OpenAsync(
        SourceSettings settings, DatasetRef dataset, IProgress<GalexieNotice>? notices, CancellationToken cancellationToken)
    {
        if (settings.Lake is null) return new OpenedSource(new SyntheticLedgerSource(settings.Synthetic), null, null);
        IObjectStore store = StoreFactory.Open(settings.Lake, readOnly: true);
        try
        {
            GalexieLake lake = await OpenLakeAsync(settings, store, cancellationToken).ConfigureAwait(false);
            Guard(settings, () => GalexieNetworks.Check(dataset.Network, settings.Passphrase?.Value, lake.Config, lake.Description));
            var source = new GalexieLedgerSource(lake, settings.Lakes with { Notices = notices });
            return new OpenedSource(source, lake, store as IDisposable);
        }
        catch
        {
            (store as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>Opens the lake <c>--source</c> names (for <c>bronze lake</c>); the caller disposes the store.</summary>
    public static async Task<GalexieLake> OpenLakeAsync(SourceSettings settings, IObjectStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await GalexieLake.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.InvalidInput)
        {
            throw Usage(settings, e);
        }
    }

    private static void Guard(SourceSettings settings, Action check)
    {
        try
        {
            check();
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.InvalidInput)
        {
            throw Usage(settings, e);
        }
    }

    private static CliUsageException Usage(SourceSettings settings, BronzeException e)
    {
        string origin = e.Field is { } field && settings.Origins.TryGetValue(field, out string? named) ? named : settings.Origins["lake"];
        return new CliUsageException($"{origin}: {e.Message}", origin);
    }
}
