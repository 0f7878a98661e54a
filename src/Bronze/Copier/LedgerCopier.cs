using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Bronze.Layout;
using Bronze.Partitions;
using Bronze.Sources;
using Bronze.Storage;
using Bronze.Telemetry;
using Bronze.Copier;

namespace Bronze;

/// <summary>
/// Copies a ledger range from a source into a store as aligned, immutable partitions: plans the partitions, skips
/// complete ones, heals incomplete ones, writes the rest with bounded parallelism, and reports every step as a
/// <see cref="CopierEvent"/>. The store alone says what is done: a run that stops (cancelled, killed) is resumed by
/// running it again, with no local checkpoint.
/// </summary>
/// <remarks>
/// Nothing is ever overwritten. A partition is published only whole: its data file goes in with put-if-absent once
/// the source has delivered the full range, then its manifest commits it. Cancelled partitions publish nothing.
/// </remarks>
public sealed class LedgerCopier
{
    // A run's summary keeps the first problems for the report; the counters count all of them.
    private const int MaxProblemsKept = 1000;

    private readonly PartitionStore _store;
    private readonly ILedgerSource _source;
    private readonly CopierOptions _options;
    private readonly CopierTelemetry _telemetry;

    /// <summary>Creates a copier.</summary>
    /// <param name="store">Where the partitions go.</param>
    /// <param name="source">Where the rows come from.</param>
    /// <param name="options">What to copy and how; checked here.</param>
    /// <exception cref="BronzeException">An option breaks a rule (the message names it).</exception>
    public LedgerCopier(IObjectStore store, ILedgerSource source, CopierOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _store = new PartitionStore(store, _options.Prefix);
        _telemetry = new CopierTelemetry(_options.Logger, store);
    }

    /// <summary>
    /// The partitions this run copies, in order: those of the range that belong to <see cref="CopierOptions.Shard"/>
    /// (all of them by default). The dry-run plans the same list.
    /// </summary>
    public IReadOnlyList<PartitionRef> Partitions =>
        new ShardPartitions(PartitionRef.Cover(_options.Dataset, _options.Start, _options.End, _options.PartitionSize), _options.Shard);

    /// <summary>What a run would do, read from the store without writing anything (the dry-run).</summary>
    /// <param name="cancellationToken">Stops the planning.</param>
    /// <returns>
    /// Every partition of the range, in order, with its status and the keys a run would write; streamed, so a range
    /// of millions of partitions is planned in bounded memory.
    /// </returns>
    /// <exception cref="BronzeException">The store failed.</exception>
    public async IAsyncEnumerable<PartitionPlan> PlanAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PartitionRef> partitions = Partitions;
        PlanExpectations expected = await ExpectationsAsync(cancellationToken).ConfigureAwait(false);
        int batch = _options.Parallelism * 16;
        for (int first = 0; first < partitions.Count; first += batch)
        {
            var plans = new PartitionPlan[Math.Min(batch, partitions.Count - first)];
            int offset = first;
            await Parallel.ForEachAsync(
                Enumerable.Range(0, plans.Length),
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
                async (i, token) => plans[i] = await PartitionPlanner.PlanAsync(_store, partitions[offset + i], expected, token).ConfigureAwait(false))
                .ConfigureAwait(false);
            foreach (PartitionPlan plan in plans) yield return plan;
        }
    }

    /// <summary>Runs the copy.</summary>
    /// <param name="cancellationToken">
    /// Stops the run: partitions in flight are abandoned and publish nothing; the next run resumes from the store.
    /// </param>
    /// <returns>What the run did. A conflict or a failed partition does not stop the others.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="BronzeException">The table's folder cannot be listed.</exception>
    public async Task<CopyRunSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var tally = new RunTally();
        var problems = new ConcurrentQueue<CopierEvent>();
        IReadOnlyList<PartitionRef> partitions = Partitions;
        PlanExpectations expected = await ExpectationsAsync(cancellationToken).ConfigureAwait(false);
        using Activity? activity = _telemetry.StartRun(_options, partitions.Count);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, partitions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                CopierEvent done = await ProcessAsync(partitions[i], expected, tally, token).ConfigureAwait(false);
                if (done.Kind is CopierEventKind.Conflict or CopierEventKind.Failed && problems.Count < MaxProblemsKept) problems.Enqueue(done);
                _options.Progress?.Report(done);
            }).ConfigureAwait(false);

        CopyRunSummary summary = tally.Summary(partitions.Count, clock.Elapsed, [.. problems]);
        _telemetry.RunFinished(activity, summary);
        return summary;
    }

    private async Task<PlanExpectations> ExpectationsAsync(CancellationToken cancellationToken) => new(
        await ExistingPartitions.LoadAsync(_store, _options.Dataset, cancellationToken).ConfigureAwait(false),
        CodecNames.ManifestName(_options.Codec),
        p => _source.ExpectedRowCount(p.Start, p.End));

    private async Task<CopierEvent> ProcessAsync(PartitionRef partition, PlanExpectations expected, RunTally tally, CancellationToken cancellationToken)
    {
        using Activity? activity = CopierTelemetry.StartPartition(partition);
        var job = new PartitionJob(_store, _source, _options, partition);
        PartitionOutcome outcome;
        Exception? failure = null;
        try
        {
            PartitionPlan plan = await PartitionPlanner.PlanAsync(_store, partition, expected, cancellationToken).ConfigureAwait(false);
            CopierTelemetry.Planned(activity, plan);
            _options.Progress?.Report(new CopierEvent(CopierEventKind.Planned, partition, 0, job.Elapsed, plan.Status, plan.Detail));
            outcome = plan.Status switch
            {
                PartitionState.Absent => await job.WriteAsync(cancellationToken).ConfigureAwait(false),
                PartitionState.Incomplete => await job.HealAsync(cancellationToken).ConfigureAwait(false),
                PartitionState.Complete => new PartitionOutcome(
                    CopierEventKind.Skipped, plan.Manifest?.Tables[partition.Table].RowCount ?? 0,
                    plan.Manifest?.Tables[partition.Table].ByteSize ?? 0, "already complete"),
                _ => new PartitionOutcome(CopierEventKind.Conflict, 0, 0, plan.Detail),
            };
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.Conflict)
        {
            // The store refused what is under the partition's keys (a folder, link or special file): never overwritten.
            outcome = new PartitionOutcome(CopierEventKind.Conflict, 0, 0, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = e;
            outcome = new PartitionOutcome(CopierEventKind.Failed, 0, 0, e.Message, Transient: e is BronzeException { IsTransient: true });
        }
        catch (OperationCanceledException)
        {
            _telemetry.PartitionCancelled(activity, partition, job.Elapsed);
            throw;
        }

        tally.Add(outcome, job.SourceBytes);
        _telemetry.PartitionFinished(activity, partition, outcome, job.Elapsed, failure);
        return new CopierEvent(outcome.Kind, partition, outcome.Rows, job.Elapsed, Message: outcome.Message) { DataFileBytes = outcome.Bytes };
    }
}
