namespace Bronze.Slurm.Tests;

/// <summary>One task of a job array as <c>scontrol show job</c> reports it.</summary>
/// <param name="JobId">The task's own job id.</param>
/// <param name="ArrayTaskId">Its index in the array (a range such as <c>0-3</c> while the array is pending unsplit).</param>
/// <param name="State">JobState, e.g. RUNNING, PENDING, COMPLETED, FAILED.</param>
/// <param name="Restarts">How many times it was requeued.</param>
/// <param name="ExitCode">ExitCode as <c>code:signal</c>.</param>
internal sealed record SlurmTask(string JobId, string ArrayTaskId, string State, int Restarts, string ExitCode);
