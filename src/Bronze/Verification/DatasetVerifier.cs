using System.Diagnostics;
using Bronze.Layout;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Verification;

namespace Bronze;

/// <summary>
/// Verifies a dataset in a store: for each partition, the manifest is present, follows the manifest schema and
/// matches the partition's path; the data file is present, and its size, sha256 (recomputed from the store) and
/// footer row count match the manifest. Objects under the table's folder that are not part of the layout are
/// reported. Reads only; writes nothing.
/// </summary>
public sealed class DatasetVerifier
{
    private readonly IObjectStore _store;
    private readonly VerificationOptions _options;

    /// <summary>Creates a verifier.</summary>
    /// <param name="store">The store holding the dataset.</param>
    /// <param name="options">What to verify; checked here.</param>
    /// <exception cref="BronzeException">An option breaks a rule (the message names it).</exception>
    public DatasetVerifier(IObjectStore store, VerificationOptions options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
    }

    /// <summary>Verifies the dataset (the range, or every partition found).</summary>
    /// <param name="cancellationToken">Stops verification.</param>
    /// <returns>Every partition's result and every issue found; problems in the data are results, not exceptions.</returns>
    /// <exception cref="BronzeException">The store failed (it could not list or read).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var partitions = new PartitionStore(_store, _options.Prefix);
        var found = new SortedDictionary<(long Start, long End), PartitionObjects>();
        var others = new List<VerificationIssue>();
        await foreach (PartitionObjects objects in partitions.ScanAsync(_options.Dataset, info => others.Add(Stray(info)), cancellationToken).ConfigureAwait(false))
        {
            if (objects.HasObjects) found.Add((objects.Partition.Start, objects.Partition.End), objects);
        }

        List<PartitionObjects> targets = Targets(found, others);
        var results = new PartitionVerification[targets.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                results[i] = await new PartitionVerifier(partitions, targets[i]).VerifyAsync(token).ConfigureAwait(false);
                _options.Progress?.Report(results[i]);
            }).ConfigureAwait(false);
        return new VerificationReport(results, others, clock.Elapsed);
    }

    private static VerificationIssue Stray(ObjectInfo info) => info.Kind == ObjectKind.Object
        ? new VerificationIssue(VerificationIssueKind.UnexpectedFile, info.Key,
            $"{info.Key} is not a data file or manifest of the layout {{table}}/range={{start}}-{{end}}/(part-{{start}}-{{end}}.parquet|_manifest.json).")
        : new VerificationIssue(VerificationIssueKind.NotARegularFile, info.Key, NotAnObject(info));

    private static string NotAnObject(ObjectInfo info) => info.Kind switch
    {
        ObjectKind.SymbolicLink => $"{info.Key} is a symbolic link; Bronze never follows links in a dataset, so whatever it points to is not part of it.",
        ObjectKind.SpecialFile => $"{info.Key} is a FIFO, socket or device, not a regular file; Bronze never opens one.",
        _ => $"{info.Key} is a folder that cannot be read; what it holds is unknown.",
    };

    private List<PartitionObjects> Targets(SortedDictionary<(long Start, long End), PartitionObjects> found, List<VerificationIssue> others)
    {
        if (_options.Start is not { } start || _options.End is not { } end)
        {
            ReportOverlaps(found.Values, others);
            return [.. found.Values];
        }

        IReadOnlyList<PartitionRef> expected = PartitionRef.Cover(_options.Dataset, start, end, _options.PartitionSize);
        var targets = expected.Select(p => found.TryGetValue((p.Start, p.End), out PartitionObjects? o) ? o : new PartitionObjects(p)).ToList();
        foreach (PartitionObjects stray in found.Values.Where(o => o.Partition.End >= start && o.Partition.Start <= end
            && (o.Partition.End - o.Partition.Start + 1 != _options.PartitionSize || o.Partition.Start % _options.PartitionSize != 0)))
        {
            others.Add(new VerificationIssue(VerificationIssueKind.UnexpectedFile, stray.Partition.DirectoryKey(_options.Prefix),
                $"Partition {stray.Partition.Start}-{stray.Partition.End} overlaps the range but is not aligned to the partition size {_options.PartitionSize}.",
                stray.Partition));
        }

        return targets;
    }

    private void ReportOverlaps(IEnumerable<PartitionObjects> partitions, List<VerificationIssue> others)
    {
        PartitionRef? previous = null;
        foreach (PartitionRef partition in partitions.Select(o => o.Partition))
        {
            if (previous is not null && partition.Start <= previous.End)
            {
                others.Add(new VerificationIssue(VerificationIssueKind.UnexpectedFile, partition.DirectoryKey(_options.Prefix),
                    $"Partition {partition.Start}-{partition.End} overlaps partition {previous.Start}-{previous.End}.", partition));
            }

            if (previous is null || partition.End > previous.End) previous = partition;
        }
    }
}
