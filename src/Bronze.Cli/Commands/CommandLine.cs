using System.CommandLine;

namespace Bronze.Cli.Commands;

/// <summary>The command tree of <c>bronze</c>: copy, verify, ls, inspect and lake, with their flags and help.</summary>
internal static class CommandLine
{
    public static RootCommand Build(CliOptions o)
    {
        var root = new RootCommand(
            "bronze: writes the raw layer of a data lake as immutable, partitioned Parquet files with a manifest per partition, "
            + "and verifies it. " + ExitCodes.HelpText);
        root.Options.Remove(root.Options.First(option => option.Name == "--version"));
        root.HelpName = "bronze";

        var copy = new Command("copy",
            "Copy a ledger range into the dataset: skips complete partitions, heals incomplete ones, writes the rest; never overwrites. "
            + "Default: ledgers 0-99999 from the synthetic source to ./output. " + ExitCodes.HelpText);
        foreach (Option option in Common(o).Concat([o.Start, o.End, o.PartitionSize, o.Parallel, o.Codec, o.Source, o.NetworkPassphrase, o.ReadsInFlight, o.XdrMean, o.Shard, o.DryRun]))
            copy.Options.Add(option);

        var verify = new Command("verify",
            "Verify the dataset: manifests against the schema, data files' sha256, size and row count from the footer, unexpected files. "
            + "Without --start/--end, every partition found. " + ExitCodes.HelpText);
        foreach (Option option in Common(o).Concat([o.Start, o.End, o.PartitionSize, o.Parallel])) verify.Options.Add(option);

        var ls = new Command("ls",
            "List the dataset's partitions with status, rows and bytes; with --shard, only that shard's partitions of the range from --start. "
            + ExitCodes.HelpText);
        foreach (Option option in Common(o).Concat([o.Start, o.Shard])) ls.Options.Add(option);

        var inspect = new Command("inspect",
            "Show what any Parquet file holds, from its footer: schema (nested included), rows, writer, key-value metadata, row groups and "
            + "column chunks with codec, encodings, sizes and statistics. Reads only the file's tail (ranged reads on S3 and GCS). "
            + "Exit codes: 0 ok; 1 the file cannot be read (missing, I/O); 2 invalid arguments; 3 not Parquet, truncated, corrupt or encrypted.");
        inspect.Arguments.Add(o.File);
        inspect.Options.Add(o.Json);
        var lake = new Command("lake", "Show a galexie lake's config and its oldest and newest ledger (--source). " + ExitCodes.HelpText);
        foreach (Option option in new Option[] { o.Source, o.Json }) lake.Options.Add(option);

        root.Subcommands.Add(copy);
        root.Subcommands.Add(verify);
        root.Subcommands.Add(ls);
        root.Subcommands.Add(inspect);
        root.Subcommands.Add(lake);
        return root;
    }

    private static Option[] Common(CliOptions o) => [o.Dest, o.Prefix, o.Network, o.Era, o.Version, o.Table, o.Json];
}
