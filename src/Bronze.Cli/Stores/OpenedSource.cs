using Bronze.Galexie;
using Bronze.Sources;

namespace Bronze.Cli.Stores;

/// <summary>A ledger source the CLI opened, with the lake and the store behind it, released together.</summary>
/// <param name="Source">The source.</param>
/// <param name="Lake">The lake when the source is one; otherwise <see langword="null"/>.</param>
/// <param name="Store">The lake's store to dispose, if any.</param>
internal sealed record OpenedSource(ILedgerSource Source, GalexieLake? Lake, IDisposable? Store) : IDisposable
{
    public void Dispose() => Store?.Dispose();
}
