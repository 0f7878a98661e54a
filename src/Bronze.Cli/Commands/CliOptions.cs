using System.CommandLine;
using Bronze.Copier;
using Bronze.Sources;

namespace Bronze.Cli.Commands;

/// <summary>
/// Every flag of <c>bronze</c>. Values are read as text and parsed by the commands, so that a bad value, from a flag
/// or from its environment variable, gets one kind of message naming where it came from, and exit code 2.
/// </summary>
internal sealed class CliOptions
{
    public Option<string?> Dest { get; } = Text("--dest",
        "Where the dataset lives: a local path, file:///path, s3://bucket/prefix?endpoint=URL&region=R or gs://bucket/prefix. "
        + "Env: STORAGE_BACKEND (local|s3|gcs) with LOCAL_DIR, S3_BUCKET, S3_ENDPOINT, S3_REGION, GCS_BUCKET. Default ./output.");

    public Option<string?> Prefix { get; } = Text("--prefix", "Dataset prefix inside the store, e.g. bronze. Env: STORAGE_PREFIX. Default: none.");

    public Option<string?> Network { get; } = Text("--network", "Network name. Env: NETWORK. Default pubnet.");

    public Option<string?> Era { get; } = Text("--era", "Era id. Env: ERA_ID. Default pre_p23.");

    public Option<string?> Version { get; } = Text("--version", "Dataset version label. Env: VERSION_LABEL. Default v1.");

    public Option<string?> Table { get; } = Text("--table", "Table. Default ledgers_lcm_raw (the only one).");

    public Option<string?> Start { get; } = Text("--start", "First ledger, a multiple of the partition size. Env: LEDGER_START.");

    public Option<string?> End { get; } = Text("--end",
        "Last ledger, inclusive, one less than a multiple of the partition size; copy from a lake: or latest (the last partition the lake holds whole). Env: LEDGER_END.");

    public Option<string?> PartitionSize { get; } = Text("--partition-size",
        $"Ledgers per partition. Env: PARTITION_SIZE. Default {CopierOptions.DefaultPartitionSize}.");

    public Option<string?> Parallel { get; } = Text("--parallel", "Partitions processed at once. Default: the number of cores.");

    public Option<string?> Codec { get; } = Text("--codec", "Parquet codec: zstd, snappy, gzip, brotli or none. Default zstd.");

    public Option<string?> Source { get; } = Text("--source",
        "Where ledgers come from: synthetic (deterministic generated ledgers), or a galexie lake: a local path, file:///path, "
        + "s3://bucket/prefix?endpoint=URL&region=R or gs://bucket/prefix. Env: LEDGER_SOURCE. Default synthetic.");

    public Option<string?> NetworkPassphrase { get; } = Text("--network-passphrase",
        "A lake's network passphrase, checked against its .config.json; needed for networks other than pubnet, testnet and futurenet. Env: NETWORK_PASSPHRASE.");

    public Option<string?> ReadsInFlight { get; } = Text("--reads-in-flight",
        $"Lake batch files read at once per partition (GETs in flight on S3 and GCS). Default {Bronze.GalexieSourceOptions.DefaultMaxReadsInFlight}.");

    public Option<string?> XdrMean { get; } = Text("--xdr-mean-bytes",
        $"Synthetic source: mean XDR size in bytes (log-normal). Default {SyntheticLedgerOptions.DefaultMeanXdrBytes}.");

    public Option<string?> Shard { get; } = Text("--shard",
        "This task's share when N tasks copy the range: I/N (0 <= I < N) takes partitions k = I, I+N, I+2N... of the range; "
        + "auto reads the batch engine's task variables (Slurm arrays, Kubernetes Indexed Jobs and AWS Batch arrays with "
        + Settings.EngineShard.CountVariable + ", Cloud Run Jobs). Default: every partition.");

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print every folder and file the copy would write and each partition's status; write nothing." };

    public Argument<string?> File { get; } = new("FILE")
    {
        Description = "The Parquet file: a local path, file:///path, s3://bucket/path/file.parquet?endpoint=URL&region=R or gs://bucket/path/file.parquet.",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Output one JSON object per line." };

    private static Option<string?> Text(string name, string description) => new(name) { Description = description, HelpName = "value" };
}
