using System.CommandLine;
using System.Globalization;

namespace Bronze.Cli.Settings;

/// <summary>
/// Reads a setting from its flag, then from its environment variable, then its default, and parses it with an
/// error that names where the bad value came from.
/// </summary>
internal sealed class SettingReader(ParseResult parse, Func<string, string?> environment)
{
    /// <summary>The raw text of a flag, else of the variable, else <see langword="null"/>.</summary>
    public Setting<string>? Raw(Option<string?> option, string? variable)
    {
        if (parse.GetResult(option) is not null && parse.GetValue(option) is { } flag) return new(flag, option.Name);
        if (variable is not null && environment(variable) is { Length: > 0 } value) return new(value, variable);
        return null;
    }

    public Setting<string> String(Option<string?> option, string? variable, string fallback) =>
        Raw(option, variable) ?? new Setting<string>(fallback, "default");

    public Setting<long> Long(Option<string?> option, string? variable, long fallback, long min = long.MinValue) =>
        LongOrNull(option, variable, min) ?? new Setting<long>(fallback, "default");

    public Setting<long>? LongOrNull(Option<string?> option, string? variable, long min = long.MinValue)
    {
        if (Raw(option, variable) is not { } raw) return null;
        if (!long.TryParse(raw.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw new CliUsageException($"{raw.Origin} must be a whole number (got \"{raw.Value}\").", raw.Origin);
        if (value < min) throw new CliUsageException($"{raw.Origin} must be at least {min} (got {value}).", raw.Origin);
        return new Setting<long>(value, raw.Origin);
    }

    public Setting<int> Int(Option<string?> option, string? variable, int fallback, int min, int max)
    {
        Setting<long> value = Long(option, variable, fallback, min);
        if (value.Value > max) throw new CliUsageException($"{value.Origin} must be at most {max} (got {value.Value}).", value.Origin);
        return new Setting<int>((int)value.Value, value.Origin);
    }
}
