using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>A JSON line for a ledger written without its transaction and operation counts (never a failure).</summary>
internal sealed record NoticeLine(long Ledger, string Key, string Message)
{
    [JsonPropertyOrder(-1)]
    public string Type => "notice";
}
