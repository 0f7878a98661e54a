using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Bronze.Testing;

/// <summary>
/// Decodes LedgerCloseMeta XDR with <c>@stellar/stellar-base</c> (an independent decoder, pinned in tools/stellar) through
/// the script the test script exports as <c>BRONZE_STELLAR_BASE</c>. Without it a test skips (fails under CI).
/// </summary>
public static class StellarBase
{
    /// <summary>The environment variable that holds the decode script's path.</summary>
    public const string Variable = "BRONZE_STELLAR_BASE";

    /// <summary>The decode script's path (tools/stellar/decode.mjs); skips the test (fails under CI) when it is not set.</summary>
    public static string Require() => TestServer.Require(Variable, "stellar-base (tools/stellar)");

    /// <summary>
    /// What stellar-base reads from each ledger, in order: <c>ledger_sequence</c>, <c>ledger_hash</c>,
    /// <c>header_sha256</c> (of the header it re-encodes), <c>previous_ledger_hash</c>, <c>close_time</c> (seconds, as a
    /// string), <c>protocol_version</c>, <c>total_coins</c> and <c>fee_pool</c> (strings), <c>tx_set_hash</c>,
    /// <c>tx_count</c>, <c>operation_count</c>, <c>tx_processing_count</c>, <c>xdr_byte_length</c>, <c>xdr_sha256</c>,
    /// <c>version</c>, and <c>reencoded_equal</c> (whether re-encoding gives the same bytes).
    /// </summary>
    /// <param name="ledgers">LedgerCloseMeta XDR values.</param>
    /// <param name="cancellationToken">Kills node when cancelled.</param>
    /// <exception cref="InvalidOperationException">stellar-base could not decode a ledger (the message holds its error).</exception>
    public static async Task<IReadOnlyList<JsonObject>> DescribeAsync(IEnumerable<ReadOnlyMemory<byte>> ledgers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        string script = Require();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node {script}.");
        await using (cancellationToken.Register(() => process.Kill(entireProcessTree: true)))
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            Stream input = process.StandardInput.BaseStream;
            byte[] mark = new byte[4];
            foreach (ReadOnlyMemory<byte> ledger in ledgers)
            {
                // Record marking, as stellar-core writes meta streams: the last-fragment bit and the length.
                BinaryPrimitives.WriteUInt32BigEndian(mark, 0x80000000u | (uint)ledger.Length);
                await input.WriteAsync(mark, cancellationToken);
                await input.WriteAsync(ledger, cancellationToken);
            }

            input.Close();
            await process.WaitForExitAsync(cancellationToken);
            string text = await output;
            if (process.ExitCode != 0) throw new InvalidOperationException($"stellar-base failed: {await errors}");
            return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
        }
    }
}
