using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Cli.Stores;
using Bronze.Galexie;
using Bronze.Storage;

namespace Bronze.Cli.Commands;

/// <summary><c>bronze lake</c>: a galexie lake's config and its oldest and newest ledger. Reads only.</summary>
internal static class LakeCommand
{
    public static async Task<int> RunAsync(SourceSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (settings.Lake is null)
            throw new CliUsageException("--source must name a galexie lake (a local path, file://, s3:// or gs:// URL).", settings.Origins["lake"]);
        IObjectStore store = StoreFactory.Open(settings.Lake, readOnly: true);
        using IDisposable? disposable = store as IDisposable;
        GalexieLake lake = await SourceFactory.OpenLakeAsync(settings, store, cancellationToken).ConfigureAwait(false);
        long? newest = await lake.FindNewestLedgerAsync(cancellationToken).ConfigureAwait(false);
        long? oldest = newest is { } n ? await lake.FindOldestLedgerAsync(n, cancellationToken).ConfigureAwait(false) : null;
        GalexieConfig config = lake.Config;
        string? network = GalexieNetworks.Passphrases.FirstOrDefault(p => p.Value == config.NetworkPassphrase).Key;
        if (console.Json)
        {
            console.JsonLine(new LakeLine(lake.Description, config.NetworkPassphrase, network, config.Version, config.Compression, config.LedgersPerBatch, config.BatchesPerPartition)
            {
                OldestLedger = oldest,
                NewestLedger = newest,
            }, CliJsonContext.Default.LakeLine);
            console.JsonLine(new SummaryLine("lake", ExitCodes.Ok), CliJsonContext.Default.SummaryLine);
            return ExitCodes.Ok;
        }

        console.Line($"{lake.Description}");
        console.Line($"  network     {config.NetworkPassphrase}{(network is null ? "" : $" ({network})")}");
        console.Line($"  layout      version {config.Version}, {config.Compression}, {config.LedgersPerBatch} ledgers per batch, {config.BatchesPerPartition} batches per partition");
        console.Line(newest is null ? "  ledgers     none yet" : $"  ledgers     {oldest} to {newest}");
        return ExitCodes.Ok;
    }
}
