using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>A JSON line of verify: one problem found.</summary>
internal sealed record IssueLine(string Kind, string Key, string Message, long? Start, long? End)
{
    [JsonPropertyOrder(-1)]
    public string Type => "issue";
}
