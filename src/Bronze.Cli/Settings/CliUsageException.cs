namespace Bronze.Cli.Settings;

/// <summary>Invalid arguments or configuration: exit code 2, nothing written. The message names the flag or variable.</summary>
internal sealed class CliUsageException(string message, string? field = null) : Exception(message)
{
    /// <summary>The flag or variable at fault.</summary>
    public string? Field { get; } = field;
}
