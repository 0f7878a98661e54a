using System.Globalization;
using Bronze.Copier;

namespace Bronze.Cli.Settings;

/// <summary>
/// <c>--shard auto</c>: the task's shard from the variables its batch engine sets. Slurm arrays
/// (<c>SLURM_ARRAY_TASK_ID</c>, <c>_MIN</c>, <c>_COUNT</c>, and <c>_STEP</c>/<c>_MAX</c> when set: an array of 0-7 and
/// one of 1-8 both give shards 0-7), Kubernetes Indexed Jobs (<c>JOB_COMPLETION_INDEX</c>), Cloud Run Jobs
/// (<c>CLOUD_RUN_TASK_INDEX</c>, <c>CLOUD_RUN_TASK_COUNT</c>) and AWS Batch arrays (<c>AWS_BATCH_JOB_ARRAY_INDEX</c>).
/// Kubernetes and AWS Batch do not tell a task how many there are: the job passes it in <see cref="CountVariable"/>.
/// </summary>
internal static class EngineShard
{
    /// <summary>The task count for engines that set only an index (Kubernetes Indexed Jobs, AWS Batch arrays).</summary>
    public const string CountVariable = "BRONZE_SHARD_COUNT";

    private const string Help =
        "set by a Slurm array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT), a Kubernetes Indexed Job "
        + $"(JOB_COMPLETION_INDEX, with {CountVariable} = the Job's completions), Cloud Run Jobs (CLOUD_RUN_TASK_INDEX, "
        + $"CLOUD_RUN_TASK_COUNT) or an AWS Batch array (AWS_BATCH_JOB_ARRAY_INDEX, with {CountVariable} = the array size); "
        + "or pass --shard I/N";

    /// <summary>The shard every engine found agrees on; its origin names the variables it came from.</summary>
    /// <exception cref="CliUsageException">No engine's variables, a missing or bad value, or engines that disagree.</exception>
    public static Setting<Shard> Detect(Func<string, string?> environment)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;
        var found = new List<Setting<Shard>>();
        if (Env("SLURM_ARRAY_TASK_ID") is not null) found.Add(Slurm(Env));
        if (Env("JOB_COMPLETION_INDEX") is not null) found.Add(IndexAndCount(Env, "JOB_COMPLETION_INDEX", CountVariable));
        if (Env("CLOUD_RUN_TASK_INDEX") is not null) found.Add(IndexAndCount(Env, "CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT"));
        if (Env("AWS_BATCH_JOB_ARRAY_INDEX") is not null) found.Add(IndexAndCount(Env, "AWS_BATCH_JOB_ARRAY_INDEX", CountVariable));

        if (found.Count == 0)
            throw new CliUsageException($"--shard auto found no batch engine's task variables: they are {Help}.", "--shard");
        if (found.Select(f => f.Value).Distinct().Count() > 1)
        {
            string all = string.Join("; ", found.Select(f => $"{f.Origin} give {f.Value}"));
            throw new CliUsageException($"--shard auto found variables that disagree: {all}. Unset the ones that do not belong to this task, or pass --shard I/N.", "--shard");
        }

        return found[0];
    }

    private static Setting<Shard> Slurm(Func<string, string?> env)
    {
        const string Origin = "SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT";
        int id = Number(env, "SLURM_ARRAY_TASK_ID", 0);
        int min = Number(env, "SLURM_ARRAY_TASK_MIN", 0);
        int count = Number(env, "SLURM_ARRAY_TASK_COUNT", 1);
        int step = env("SLURM_ARRAY_TASK_STEP") is null ? 1 : Number(env, "SLURM_ARRAY_TASK_STEP", 1);
        long offset = (long)id - min;
        long index = offset / step;
        long? max = env("SLURM_ARRAY_TASK_MAX") is null ? null : Number(env, "SLURM_ARRAY_TASK_MAX", 0);
        // Shards must be exactly 0..count-1: an array with gaps (e.g. --array=0,3,9) would leave partitions unowned.
        if (offset < 0 || offset % step != 0 || index >= count || (max is { } last && last != min + ((long)count - 1) * step))
        {
            string seen = string.Join(", ", new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_STEP", "SLURM_ARRAY_TASK_COUNT" }
                .Select(v => $"{v}={env(v) ?? "(unset)"}"));
            throw new CliUsageException(
                $"--shard auto: the Slurm array variables disagree ({seen}): the array must be one evenly stepped range such as --array=0-7 or --array=1-8.",
                "SLURM_ARRAY_TASK_ID");
        }

        return new Setting<Shard>(new Shard((int)index, count), Origin);
    }

    private static Setting<Shard> IndexAndCount(Func<string, string?> env, string indexVariable, string countVariable)
    {
        int index = Number(env, indexVariable, 0);
        int count = Number(env, countVariable, 1);
        if (index >= count)
        {
            throw new CliUsageException(
                $"--shard auto: {indexVariable}={index} must be less than {countVariable}={count} (indexes count from 0).", indexVariable);
        }

        return new Setting<Shard>(new Shard(index, count), $"{indexVariable}, {countVariable}");
    }

    private static int Number(Func<string, string?> env, string variable, int min)
    {
        string? text = env(variable);
        if (text is null)
            throw new CliUsageException($"--shard auto needs {variable}, which is not set: the task variables are {Help}.", variable);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > Shard.MaxCount)
            throw new CliUsageException($"{variable} must be a whole number from {min} to {Shard.MaxCount} for --shard auto (got \"{text}\").", variable);
        return value;
    }
}
