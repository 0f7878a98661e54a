using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bronze.Testing;

/// <summary>
/// Runs SQL through DuckDB (an independent Parquet reader and writer) via the query script of tools/duckdb, whose
/// path the test script exports as <c>BRONZE_DUCKDB</c>. Without it a test skips (fails under CI). Each call starts
/// one DuckDB process for all its statements; BIGINT, HUGEINT and DECIMAL values come back as JSON strings.
/// </summary>
public static class DuckDb
{
    /// <summary>The environment variable that holds the query script's path.</summary>
    public const string Variable = "BRONZE_DUCKDB";

    /// <summary>Runs the statements in order (settings such as <c>SET threads=1</c> carry over) and returns each one's rows.</summary>
    /// <param name="statements">SQL statements.</param>
    /// <param name="cancellationToken">Kills DuckDB when cancelled.</param>
    /// <returns>One list of rows per statement; each row maps column name to value.</returns>
    /// <exception cref="InvalidOperationException">DuckDB reported an error (the message holds it).</exception>
    public static async Task<IReadOnlyList<IReadOnlyList<JsonObject>>> QueryAllAsync(
        IReadOnlyList<string> statements, CancellationToken cancellationToken = default)
    {
        string script = TestServer.Require(Variable, "DuckDB (tools/duckdb)");
        var start = new ProcessStartInfo
        {
            FileName = script.EndsWith(".mjs", StringComparison.Ordinal) || script.EndsWith(".js", StringComparison.Ordinal) ? "node" : script,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (start.FileName == "node") start.ArgumentList.Add(script);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        await using (cancellationToken.Register(() => process.Kill(entireProcessTree: true)))
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(statements).AsMemory(), cancellationToken);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken);
            string text = await output;
            if (process.ExitCode != 0) throw new InvalidOperationException($"DuckDB failed: {await errors}");
            JsonArray results = JsonNode.Parse(text)?.AsArray() ?? throw new InvalidOperationException("DuckDB printed no JSON.");
            return [.. results.Select(r => (IReadOnlyList<JsonObject>)[.. r!.AsArray().Select(row => row!.AsObject())])];
        }
    }

    /// <summary>Runs one query and returns its rows.</summary>
    /// <param name="sql">The query.</param>
    /// <param name="cancellationToken">Kills DuckDB when cancelled.</param>
    /// <returns>The rows.</returns>
    public static async Task<IReadOnlyList<JsonObject>> QueryAsync(string sql, CancellationToken cancellationToken = default) =>
        (await QueryAllAsync([sql], cancellationToken))[0];

    /// <summary>A SQL string literal (for file paths): single quotes doubled.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The quoted literal.</returns>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
