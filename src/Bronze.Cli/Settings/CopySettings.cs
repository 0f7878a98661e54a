using Bronze.Cli.Commands;
using Bronze.Copier;
using Bronze.Sources;

namespace Bronze.Cli.Settings;

/// <summary>Everything <c>bronze copy</c> needs, resolved from flags, variables and defaults, and validated.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Copier">The copier's options; with <paramref name="EndIsLatest"/>, its end is a stand-in until the lake is read.</param>
/// <param name="Source">The ledger source.</param>
/// <param name="EndIsLatest"><c>--end latest</c>: copy up to the last partition the lake holds whole.</param>
/// <param name="DryRun">Print the plan; write nothing.</param>
internal sealed record CopySettings(DatasetSettings Dataset, CopierOptions Copier, SourceSettings Source, bool EndIsLatest, bool DryRun)
{
    public const long DefaultStart = 0;
    public const long DefaultEnd = 99_999;
    public const string Latest = "latest";

    public static CopySettings Read(SettingReader reader, CliOptions options, Func<string, string?> environment, bool dryRun)
    {
        DatasetSettings dataset = DatasetSettings.Read(reader, options, environment);
        Setting<long> start = reader.Long(options.Start, "LEDGER_START", DefaultStart);
        Setting<string>? endText = reader.Raw(options.End, "LEDGER_END");
        bool latest = string.Equals(endText?.Value, Latest, StringComparison.OrdinalIgnoreCase);
        Setting<long> end = latest ? new Setting<long>(0, endText!.Origin) : reader.Long(options.End, "LEDGER_END", DefaultEnd);
        Setting<long> size = reader.Long(options.PartitionSize, "PARTITION_SIZE", CopierOptions.DefaultPartitionSize);
        Setting<int> parallel = reader.Int(options.Parallel, null, Environment.ProcessorCount, 1, CopierOptions.MaxParallelism);
        Setting<string> codec = reader.String(options.Codec, null, "zstd");
        Setting<int> mean = reader.Int(options.XdrMean, null, SyntheticLedgerOptions.DefaultMeanXdrBytes, int.MinValue, int.MaxValue);
        Setting<Shard> shard = ShardSetting.Read(reader, options, environment);
        IReadOnlyDictionary<string, string> origins = dataset.With(
            ("start", start.Origin), ("end", end.Origin), ("partition_size", size.Origin), ("parallel", parallel.Origin),
            ("codec", codec.Origin), ("xdr_mean_bytes", mean.Origin));

        SourceSettings source = SourceSettings.Read(reader, options, environment, origins);
        if (latest && source.Lake is null)
            throw new CliUsageException($"{end.Origin} can be latest only when copying from a galexie lake (--source is synthetic).", end.Origin);

        return DatasetSettings.Guard(origins, () =>
        {
            var copier = new CopierOptions
            {
                Dataset = dataset.Dataset,
                Start = start.Value,
                End = latest ? start.Value + size.Value - 1 : end.Value,
                PartitionSize = size.Value,
                Parallelism = parallel.Value,
                Codec = CodecNames.Parse(codec.Value),
                Prefix = dataset.Prefix,
                Shard = shard.Value,
            }.Validate();
            _ = source.Lakes.Validate();
            var synthetic = new SyntheticLedgerOptions { MeanXdrBytes = mean.Value }.Validate();
            return new CopySettings(dataset, copier, source with { Synthetic = synthetic }, latest, dryRun);
        });
    }
}
