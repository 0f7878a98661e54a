namespace Bronze.Benchmarks;

/// <summary>
/// An end-to-end throughput run: measures Bronze and, in the same run, the limit it is compared against (a codec, the
/// disk, a peer tool), and prints both with their ratio. Found by reflection; run with <c>-- run NAME</c>.
/// </summary>
public interface IThroughputRun
{
    /// <summary>The name used on the command line, e.g. <c>local-put</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured against what.</summary>
    string Description { get; }

    /// <summary>Runs the measurement and prints the figures.</summary>
    /// <param name="quick">A small, fast run that only proves the code path works (CI's <c>--check</c>).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>0 on success; another exit code when the run could not be made.</returns>
    Task<int> RunAsync(bool quick, CancellationToken cancellationToken);
}
