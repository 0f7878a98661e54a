using Bronze.Cli.Settings;
using Bronze.Copier;

namespace Bronze.Cli.Tests.Shards;

/// <summary><c>--shard auto</c>: each batch engine's task variables, and the errors when they are missing or disagree.</summary>
public sealed class EngineShardTests
{
    [Theory]
    [InlineData(0, 7)]
    [InlineData(1, 8)]
    [InlineData(10, 17)]
    public void Detect_SlurmArrayFromAnyFirstIndex_GivesShards0ToNMinus1(int min, int max)
    {
        List<Shard> shards = [.. Enumerable.Range(min, max - min + 1).Select(id => Detect(
            ("SLURM_ARRAY_TASK_ID", $"{id}"), ("SLURM_ARRAY_TASK_MIN", $"{min}"), ("SLURM_ARRAY_TASK_MAX", $"{max}"),
            ("SLURM_ARRAY_TASK_STEP", "1"), ("SLURM_ARRAY_TASK_COUNT", "8")).Value)];

        Assert.Equal(Enumerable.Range(0, 8).Select(i => new Shard(i, 8)), shards);
    }

    [Fact]
    public void Detect_SlurmSteppedArray_DividesByTheStep()
    {
        Setting<Shard> shard = Detect(
            ("SLURM_ARRAY_TASK_ID", "6"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_MAX", "6"), ("SLURM_ARRAY_TASK_STEP", "2"),
            ("SLURM_ARRAY_TASK_COUNT", "4"));

        Assert.Equal(new Shard(3, 4), shard.Value);
        Assert.Contains("SLURM_ARRAY_TASK_ID", shard.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SlurmWithoutMaxOrStep_UsesIdMinAndCount()
    {
        Assert.Equal(new Shard(2, 4), Detect(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4")).Value);
    }

    [Theory]
    [InlineData("9", "3")] // --array=0,3,9: shards 0..2 would not all exist
    [InlineData("7", "4")] // a count that does not match --array=0-7
    public void Detect_SlurmArrayWithGapsOrWrongCount_ThrowsNamingTheVariables(string max, string count)
    {
        var error = Assert.Throws<CliUsageException>(() => Detect(
            ("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_MAX", max), ("SLURM_ARRAY_TASK_STEP", "1"),
            ("SLURM_ARRAY_TASK_COUNT", count)));

        Assert.Contains("SLURM_ARRAY_TASK_MAX=" + max, error.Message, StringComparison.Ordinal);
        Assert.Contains("SLURM_ARRAY_TASK_COUNT=" + count, error.Message, StringComparison.Ordinal);
        Assert.Contains("--array=0-7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SlurmWithoutCount_ThrowsNamingTheMissingVariable()
    {
        var error = Assert.Throws<CliUsageException>(() => Detect(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "0")));

        Assert.Equal("SLURM_ARRAY_TASK_COUNT", error.Field);
        Assert.Contains("needs SLURM_ARRAY_TASK_COUNT, which is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_KubernetesIndexedJob_TakesTheCountFromBronzeShardCount()
    {
        Assert.Equal(new Shard(5, 16), Detect(("JOB_COMPLETION_INDEX", "5"), ("BRONZE_SHARD_COUNT", "16")).Value);
    }

    [Fact]
    public void Detect_KubernetesWithoutCount_ThrowsNamingBronzeShardCount()
    {
        var error = Assert.Throws<CliUsageException>(() => Detect(("JOB_COMPLETION_INDEX", "5")));

        Assert.Equal("BRONZE_SHARD_COUNT", error.Field);
    }

    [Fact]
    public void Detect_CloudRunJob_TakesIndexAndCount()
    {
        Assert.Equal(new Shard(9, 10), Detect(("CLOUD_RUN_TASK_INDEX", "9"), ("CLOUD_RUN_TASK_COUNT", "10")).Value);
    }

    [Fact]
    public void Detect_AwsBatchArray_TakesTheCountFromBronzeShardCount()
    {
        Assert.Equal(new Shard(0, 2), Detect(("AWS_BATCH_JOB_ARRAY_INDEX", "0"), ("BRONZE_SHARD_COUNT", "2")).Value);
    }

    [Theory]
    [InlineData("CLOUD_RUN_TASK_INDEX", "10", "CLOUD_RUN_TASK_COUNT", "10", "must be less than CLOUD_RUN_TASK_COUNT=10")]
    [InlineData("AWS_BATCH_JOB_ARRAY_INDEX", "x", "BRONZE_SHARD_COUNT", "2", "AWS_BATCH_JOB_ARRAY_INDEX must be a whole number")]
    [InlineData("JOB_COMPLETION_INDEX", "-1", "BRONZE_SHARD_COUNT", "2", "JOB_COMPLETION_INDEX must be a whole number from 0")]
    [InlineData("JOB_COMPLETION_INDEX", "0", "BRONZE_SHARD_COUNT", "0", "BRONZE_SHARD_COUNT must be a whole number from 1")]
    public void Detect_BadValue_ThrowsNamingTheVariable(string indexVariable, string index, string countVariable, string count, string message)
    {
        var error = Assert.Throws<CliUsageException>(() => Detect((indexVariable, index), (countVariable, count)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_NoEngineVariables_ThrowsNamingEveryEnginesVariables()
    {
        var error = Assert.Throws<CliUsageException>(() => Detect(("BRONZE_SHARD_COUNT", "4")));

        foreach (string variable in new[] { "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "CLOUD_RUN_TASK_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "BRONZE_SHARD_COUNT" })
            Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_TwoEnginesThatDisagree_ThrowsNamingBoth()
    {
        var error = Assert.Throws<CliUsageException>(() => Detect(
            ("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4"),
            ("CLOUD_RUN_TASK_INDEX", "2"), ("CLOUD_RUN_TASK_COUNT", "4")));

        Assert.Contains("disagree", error.Message, StringComparison.Ordinal);
        Assert.Contains("give 1/4", error.Message, StringComparison.Ordinal);
        Assert.Contains("CLOUD_RUN_TASK_INDEX, CLOUD_RUN_TASK_COUNT give 2/4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_TwoEnginesThatAgree_ReturnsTheShard()
    {
        Assert.Equal(new Shard(1, 4), Detect(
            ("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4"),
            ("CLOUD_RUN_TASK_INDEX", "1"), ("CLOUD_RUN_TASK_COUNT", "4")).Value);
    }

    private static Setting<Shard> Detect(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return EngineShard.Detect(name => map.GetValueOrDefault(name));
    }
}
