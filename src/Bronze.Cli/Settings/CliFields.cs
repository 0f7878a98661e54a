
namespace Bronze.Cli.Settings;

/// <summary>
/// The flag each library setting is given by. The library names settings in its own vocabulary
/// (<see cref="BronzeException.Field"/>: <c>partition_size</c>, <c>lake</c>, <c>location</c>...); the command line
/// names them by its flags when it prints an error that no command turned into one naming the exact flag or variable.
/// </summary>
internal static class CliFields
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["location"] = "--dest",
        ["prefix"] = "--prefix",
        ["network"] = "--network",
        ["era_id"] = "--era",
        ["version_label"] = "--version",
        ["table"] = "--table",
        ["start"] = "--start",
        ["end"] = "--end",
        ["partition_size"] = "--partition-size",
        ["parallel"] = "--parallel",
        ["codec"] = "--codec",
        ["shard"] = "--shard",
        ["lake"] = "--source",
        ["network_passphrase"] = "--network-passphrase",
        ["reads_in_flight"] = "--reads-in-flight",
        ["xdr_mean_bytes"] = "--xdr-mean-bytes",
        [ParquetInspector.FileField] = "FILE",
    };

    /// <summary>The flag for a library field, or the field itself when no flag sets it.</summary>
    public static string? Flag(string? field) => field is not null && Flags.TryGetValue(field, out string? flag) ? flag : field;

    /// <summary>A library input error reworded to name the flag: <c>--end must ...</c> for <c>end must ...</c>.</summary>
    public static CliUsageException Usage(BronzeException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Field is not { } field || Flag(field) is not { } flag || flag == field) return new CliUsageException(e.Message, e.Field);
        string message = e.Message.StartsWith(field + " ", StringComparison.Ordinal) ? flag + e.Message[field.Length..] : $"{flag}: {e.Message}";
        return new CliUsageException(message, flag);
    }
}
