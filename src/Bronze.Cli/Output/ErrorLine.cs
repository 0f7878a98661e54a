using System.Text.Json.Serialization;

namespace Bronze.Cli.Output;

/// <summary>A JSON line for an error that ends the command.</summary>
internal sealed record ErrorLine(int ExitCode, string Message, string? Field)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";
}
