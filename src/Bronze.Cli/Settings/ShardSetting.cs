using System.Globalization;
using Bronze.Cli.Commands;
using Bronze.Copier;

namespace Bronze.Cli.Settings;

/// <summary>
/// <c>--shard</c>: <c>I/N</c> given by hand, or <c>auto</c> to take the task's index and count from the batch engine
/// that started it (<see cref="EngineShard"/>). Without the flag a run copies every partition of its range.
/// </summary>
internal static class ShardSetting
{
    /// <summary>The value that asks for the engine's own variables.</summary>
    public const string Auto = "auto";

    /// <summary>The shard, and the flag or variable it came from (for error messages).</summary>
    public static Setting<Shard> Read(SettingReader reader, CliOptions options, Func<string, string?> environment)
    {
        if (reader.Raw(options.Shard, null) is not { } raw) return new Setting<Shard>(Shard.All, "default");
        string text = raw.Value.Trim();
        if (string.Equals(text, Auto, StringComparison.OrdinalIgnoreCase)) return EngineShard.Detect(environment);
        return new Setting<Shard>(Parse(text, raw.Origin), raw.Origin);
    }

    /// <summary>Parses <c>I/N</c> with 0 &lt;= I &lt; N.</summary>
    public static Shard Parse(string text, string origin)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !TryNumber(parts[0], out int index) || !TryNumber(parts[1], out int count))
            throw new CliUsageException($"{origin} must be I/N with whole numbers 0 <= I < N, or {Auto} (got \"{text}\").", origin);
        if (count is < 1 or > Shard.MaxCount)
            throw new CliUsageException($"{origin} must have a shard count N from 1 to {Shard.MaxCount} (got \"{text}\").", origin);
        if (index >= count)
            throw new CliUsageException($"{origin} must have an index I from 0 to N-1 = {count - 1}: shards count from 0 (got \"{text}\").", origin);
        return new Shard(index, count);
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
