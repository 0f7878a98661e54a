using Bronze.Cli.Commands;
using Bronze.Copier;
using Bronze.Verification;

namespace Bronze.Cli.Settings;

/// <summary>Everything <c>bronze verify</c> needs, resolved and validated.</summary>
internal sealed record VerifySettings(DatasetSettings Dataset, VerificationOptions Verification)
{
    public static VerifySettings Read(SettingReader reader, CliOptions options, Func<string, string?> environment)
    {
        DatasetSettings dataset = DatasetSettings.Read(reader, options, environment);
        Setting<long>? start = reader.LongOrNull(options.Start, "LEDGER_START");
        Setting<long>? end = reader.LongOrNull(options.End, "LEDGER_END");
        Setting<long> size = reader.Long(options.PartitionSize, "PARTITION_SIZE", CopierOptions.DefaultPartitionSize);
        Setting<int> parallel = reader.Int(options.Parallel, null, Environment.ProcessorCount, 1, CopierOptions.MaxParallelism);
        IReadOnlyDictionary<string, string> origins = dataset.With(
            ("start", start?.Origin ?? "--start"), ("end", end?.Origin ?? "--end"), ("partition_size", size.Origin), ("parallel", parallel.Origin));
        return DatasetSettings.Guard(origins, () => new VerifySettings(dataset, new VerificationOptions
        {
            Dataset = dataset.Dataset,
            Prefix = dataset.Prefix,
            Start = start?.Value,
            End = end?.Value,
            PartitionSize = size.Value,
            Parallelism = parallel.Value,
        }.Validate()));
    }
}
