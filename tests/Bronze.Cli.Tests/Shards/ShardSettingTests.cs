using Bronze.Cli.Settings;
using Bronze.Copier;

namespace Bronze.Cli.Tests.Shards;

/// <summary><c>--shard I/N</c> as typed by hand.</summary>
public sealed class ShardSettingTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("0/1000000", 0, 1_000_000)]
    [InlineData("999999/1000000", 999_999, 1_000_000)]
    public void Parse_ValidText_ReturnsTheShard(string text, int index, int count)
    {
        Shard shard = ShardSetting.Parse(text, "--shard");

        Assert.Equal((index, count), (shard.Index, shard.Count));
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("", "must be I/N")]
    [InlineData("1", "must be I/N")]
    [InlineData("1/4/2", "must be I/N")]
    [InlineData("a/4", "must be I/N")]
    [InlineData("-1/4", "must be I/N")]
    [InlineData("+1/4", "must be I/N")]
    [InlineData("1 /4", "must be I/N")]
    [InlineData("1/0", "count N from 1 to 1000000")]
    [InlineData("0/1000001", "count N from 1 to 1000000")]
    [InlineData("4/4", "index I from 0 to N-1 = 3")]
    [InlineData("99999999999/4", "must be I/N")]
    public void Parse_BadText_ThrowsUsageErrorNamingTheOrigin(string text, string rule)
    {
        var error = Assert.Throws<CliUsageException>(() => ShardSetting.Parse(text, "--shard"));

        Assert.StartsWith("--shard must ", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Equal("--shard", error.Field);
    }
}
