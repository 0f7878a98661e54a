using Bronze.Galexie;
using Bronze.LakeWriter;

namespace Bronze.Testing.Galexie;

/// <summary>Galexie lakes built in a test's folder from real or synthetic ledgers.</summary>
public static class TestLakes
{
    /// <summary>A config for <paramref name="passphrase"/> with the given batch and partition sizes.</summary>
    /// <param name="passphrase">The network passphrase.</param>
    /// <param name="ledgersPerBatch">Ledgers per batch file.</param>
    /// <param name="batchesPerPartition">Batch files per partition folder.</param>
    public static GalexieConfig Config(string passphrase, uint ledgersPerBatch = 1, uint batchesPerPartition = 64_000) =>
        new(passphrase, "1.0", GalexieConfig.Zstd, ledgersPerBatch, batchesPerPartition);

    /// <summary>Writes <paramref name="ledgers"/> as a lake in <paramref name="directory"/>.</summary>
    /// <param name="directory">The lake's root.</param>
    /// <param name="config">Its config.</param>
    /// <param name="ledgers">The ledgers, in order.</param>
    /// <param name="extension"><c>zst</c> or <c>zstd</c>.</param>
    public static Task<int> WriteAsync(string directory, GalexieConfig config, IEnumerable<LedgerXdr> ledgers, string extension = GalexieLayout.Extension) =>
        GalexieLakeWriter.WriteAsync(directory, config, RealLedgers.AsAsync(ledgers), extension);

    /// <summary>The v25 load test (standalone network, ledgers 10048-10077) as a lake.</summary>
    /// <param name="directory">The lake's root.</param>
    /// <param name="ledgersPerBatch">Ledgers per batch file (2 keeps every batch whole).</param>
    /// <param name="batchesPerPartition">Batch files per partition folder.</param>
    /// <param name="extension"><c>zst</c> or <c>zstd</c>.</param>
    public static Task<int> StandaloneV25Async(string directory, uint ledgersPerBatch = 2, uint batchesPerPartition = 4, string extension = GalexieLayout.Extension) =>
        WriteAsync(directory, Config(RealLedgers.StandalonePassphrase, ledgersPerBatch, batchesPerPartition),
            RealLedgers.LoadTest("load-test-ledgers-v25-standalone.xdr.zstd"), extension);
}
