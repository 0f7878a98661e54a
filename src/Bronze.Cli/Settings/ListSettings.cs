using Bronze.Cli.Commands;
using Bronze.Copier;

namespace Bronze.Cli.Settings;

/// <summary>Everything <c>bronze ls</c> needs: the dataset, and optionally where the range starts and one shard of it.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Start">Partitions before this ledger are not listed; with <see cref="Shard"/>, partition k counts from it.</param>
/// <param name="Shard">Only this shard's partitions are listed; <see cref="Shard.All"/> lists every one.</param>
internal sealed record ListSettings(DatasetSettings Dataset, long? Start, Shard Shard)
{
    public static ListSettings Read(SettingReader reader, CliOptions options, Func<string, string?> environment) => new(
        DatasetSettings.Read(reader, options, environment),
        reader.LongOrNull(options.Start, "LEDGER_START", min: 0)?.Value,
        ShardSetting.Read(reader, options, environment).Value);
}
