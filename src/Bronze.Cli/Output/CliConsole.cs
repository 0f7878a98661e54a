using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bronze.Cli.Output;

/// <summary>
/// Where a command writes: results to standard output (human text or one JSON object per line with
/// <c>--json</c>), progress and errors to standard error.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool json, bool errorIsTerminal)
{
    private readonly Lock _gate = new();

    public bool Json => json;

    /// <summary>Whether standard error is a terminal, where a live progress bar can redraw itself.</summary>
    public bool ErrorIsTerminal => errorIsTerminal;

    public void Line(string text)
    {
        lock (_gate) output.WriteLine(Redaction.Redact(text));
    }

    public void JsonLine<T>(T value, JsonTypeInfo<T> type)
    {
        string text = JsonSerializer.Serialize(value, type);
        lock (_gate) output.WriteLine(Redaction.Redact(text));
    }

    public void ErrorLine(string text)
    {
        lock (_gate) error.WriteLine(Redaction.Redact(text));
    }

    /// <summary>Writes a progress text over the previous one (terminal only).</summary>
    public void Redraw(string text)
    {
        lock (_gate)
        {
            error.Write("\r" + text + "\u001b[K");
            error.Flush();
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            output.Flush();
            error.Flush();
        }
    }
}
