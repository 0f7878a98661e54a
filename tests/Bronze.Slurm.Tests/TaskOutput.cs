using System.Text.Json.Nodes;

namespace Bronze.Slurm.Tests;

/// <summary>
/// What one array task printed over all its attempts (the batch script appends): per attempt, bronze's JSON lines.
/// Attempts start at the script's "bronze-copy: ... attempt N" line.
/// </summary>
internal sealed record TaskOutput(string Text, IReadOnlyList<IReadOnlyList<JsonObject>> Attempts)
{
    public static TaskOutput Read(string folder, int arrayTaskId)
    {
        string text = File.ReadAllText(Path.Join(folder, $"task-{arrayTaskId}.out"));
        var attempts = new List<List<JsonObject>>();
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("bronze-copy: array task", StringComparison.Ordinal)) attempts.Add([]);
            else if (line.StartsWith('{') && attempts.Count > 0) attempts[^1].Add(JsonNode.Parse(line)!.AsObject());
        }

        return new TaskOutput(text, attempts);
    }

    /// <summary>The last attempt's summary line, or null when it printed none (killed).</summary>
    public JsonObject? Summary(int attempt) => Attempts[attempt].LastOrDefault(l => (string?)l["type"] == "summary");

    /// <summary>How an attempt ended: its summary line, or the error line of a run that stopped early; null when killed.</summary>
    public JsonObject? Outcome(int attempt) => Attempts[attempt].LastOrDefault(l => (string?)l["type"] is "summary" or "error");

    /// <summary>The starts of the partitions an attempt reported with <paramref name="event"/> (e.g. written).</summary>
    public IEnumerable<long> Starts(int attempt, string @event) =>
        Attempts[attempt].Where(l => (string?)l["type"] == "partition" && (string?)l["event"] == @event).Select(l => (long)l["start"]!);

    public override string ToString() => Text;
}
