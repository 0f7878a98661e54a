namespace Bronze.Cli;

/// <summary>The exit codes of <c>bronze</c>, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A runtime failure: a store or source failed, a partition could not be written, or the run was cancelled.</summary>
    public const int Failure = 1;

    /// <summary>Invalid arguments or configuration; the message names the flag or variable, and nothing was written.</summary>
    public const int InvalidArguments = 2;

    /// <summary>Verification found a problem, or a copy found a conflict (nothing was overwritten), or ls listed one.</summary>
    public const int VerificationFailed = 3;

    /// <summary>
    /// EX_TEMPFAIL: the run failed, and only for transient reasons (throttling, resets, timeouts, a store unreachable).
    /// Running it again resumes from the store: a batch engine's retry on this code (Slurm's <c>RequeueExit</c>, a
    /// Kubernetes <c>podFailurePolicy</c>, AWS Batch's <c>evaluateOnExit</c>) may complete it.
    /// </summary>
    public const int TransientFailure = 75;

    /// <summary>The exit code section of <c>--help</c>.</summary>
    public const string HelpText =
        "Exit codes: 0 ok; 1 runtime failure or cancelled; 2 invalid arguments or configuration (nothing written); "
        + "3 verification failure, conflict, or (inspect) not readable Parquet; 75 failed only for transient reasons (retry it).";
}
