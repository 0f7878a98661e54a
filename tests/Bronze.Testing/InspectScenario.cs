namespace Bronze.Testing;

/// <summary>
/// <c>bronze inspect</c> on an object store, the same for every store: a partition written by the CLI (larger than the
/// 64 KiB tail block, so the head and the tail are separate ranges) inspects with exit 0, its manifest with exit 3,
/// and a missing object with exit 1.
/// </summary>
public static class InspectScenario
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="lake">The dataset URL without query, e.g. <c>s3://bucket/lake</c>.</param>
    /// <param name="query">The URL's query (S3 options), or empty.</param>
    /// <param name="run">Runs the CLI with the store's environment; exit code and all output.</param>
    public static async Task RunAsync(string lake, string query, Func<string[], Task<(int ExitCode, string Output)>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        (int copyExit, string copyOutput) = await run(["copy", "--dest", lake + query, "--start", "0", "--end", "99", "--partition-size", "100", "--xdr-mean-bytes", "2048"]);
        Assert.True(copyExit == 0, copyOutput);
        string Url(string name) => $"{lake}/pubnet/pre_p23/v1/ledgers_lcm_raw/range=0-99/{name}{query}";

        (int exit, string output) = await run(["inspect", Url("part-0-99.parquet"), "--json"]);
        (int manifestExit, string manifestOutput) = await run(["inspect", Url("_manifest.json")]);
        (int missingExit, string missingOutput) = await run(["inspect", Url("part-100-199.parquet")]);

        Assert.True(exit == 0, output);
        Assert.Contains("\"num_rows\":99,", output, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"ledger_sequence\"", output, StringComparison.Ordinal);
        Assert.True(manifestExit == 3, manifestOutput);
        Assert.Contains("Not a Parquet file", manifestOutput, StringComparison.Ordinal);
        Assert.True(missingExit == 1, missingOutput);
        Assert.Contains("does not exist", missingOutput, StringComparison.Ordinal);
    }
}
