using Bronze.Cli.Commands;
using Bronze.Copier;
using Bronze.Sources;

namespace Bronze.Cli.Settings;

/// <summary>Everything <c>bronze copy</c> needs, resolved from flags, variables and defaults, and validated.</summary>
internal sealed record CopySettings(DatasetSettings Dataset, CopierOptions Copier, ILedgerSource Source, bool DryRun)
{
    public const long DefaultStart = 0;
    public const long DefaultEnd = 99_999;

    public static CopySettings Read(SettingReader reader, CliOptions options, Func<string, string?> environment, bool dryRun)
    {
        DatasetSettings dataset = DatasetSettings.Read(reader, options, environment);
        if (dataset.Dataset.Table != DatasetSettings.DefaultTable)
        {
            string origin = dataset.Origins["table"];
            throw new CliUsageException($"{origin} must be {DatasetSettings.DefaultTable}, the only table this build writes (got \"{dataset.Dataset.Table}\").", origin);
        }

        Setting<long> start = reader.Long(options.Start, "LEDGER_START", DefaultStart);
        Setting<long> end = reader.Long(options.End, "LEDGER_END", DefaultEnd);
        Setting<long> size = reader.Long(options.PartitionSize, "PARTITION_SIZE", CopierOptions.DefaultPartitionSize);
        Setting<int> parallel = reader.Int(options.Parallel, null, Environment.ProcessorCount, 1, CopierOptions.MaxParallelism);
        Setting<string> codec = reader.String(options.Codec, null, "zstd");
        Setting<string> source = reader.String(options.Source, null, "synthetic");
        Setting<int> mean = reader.Int(options.XdrMean, null, SyntheticLedgerOptions.DefaultMeanXdrBytes, int.MinValue, int.MaxValue);
        Setting<Shard> shard = ShardSetting.Read(reader, options, environment);
        IReadOnlyDictionary<string, string> origins = dataset.With(
            ("start", start.Origin), ("end", end.Origin), ("partition_size", size.Origin), ("parallel", parallel.Origin),
            ("codec", codec.Origin), ("xdr_mean_bytes", mean.Origin));

        if (!string.Equals(source.Value, "synthetic", StringComparison.OrdinalIgnoreCase))
            throw new CliUsageException($"{source.Origin} must be synthetic, the only source of this build (got \"{source.Value}\").", source.Origin);

        return DatasetSettings.Guard(origins, () =>
        {
            var copier = new CopierOptions
            {
                Dataset = dataset.Dataset,
                Start = start.Value,
                End = end.Value,
                PartitionSize = size.Value,
                Parallelism = parallel.Value,
                Codec = CodecNames.Parse(codec.Value),
                Prefix = dataset.Prefix,
                Shard = shard.Value,
            }.Validate();
            var ledgers = new SyntheticLedgerSource(new SyntheticLedgerOptions { MeanXdrBytes = mean.Value });
            return new CopySettings(dataset, copier, ledgers, dryRun);
        });
    }
}
