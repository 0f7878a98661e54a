using Bronze.Layout;
using Bronze.Storage;

namespace Bronze.Tests.Layout;

/// <summary>
/// The dataset prefix: empty or a key, and short enough that every key the layout builds under it fits the
/// 1,024-character key limit, so a prefix is refused up front instead of at the first write.
/// </summary>
public sealed class StoragePrefixTests
{
    private static readonly string LongestName = new('z', NameSegment.MaxLength);

    [Fact]
    public void MaxLength_Is1024LessTheLongestKeyBelowAPrefix()
    {
        // "/" + 4 names of 64 + "/range=" + 19 digits + "-" + 19 digits + "/part-" + 19 + "-" + 19 + ".parquet"
        Assert.Equal(1024 - (1 + 4 * 64 + 3 + 7 + 39 + 6 + 39 + 8), StoragePrefix.MaxLength);
        Assert.Equal(665, StoragePrefix.MaxLength);
    }

    [Fact]
    public void Validate_LongestAllowedPrefix_EveryKeyOfTheLayoutFits()
    {
        string prefix = PrefixOfLength(StoragePrefix.MaxLength);
        var partition = new PartitionRef(LongestName, LongestName, LongestName, LongestName, long.MaxValue, long.MaxValue);

        Assert.Equal(prefix, StoragePrefix.Validate(prefix));
        Assert.Equal(ObjectKey.MaxLength, partition.DataKey(prefix).Length);
        Assert.Equal(partition.DataKey(prefix), ObjectKey.Validate(partition.DataKey(prefix)));
        Assert.Equal(partition.ManifestKey(prefix), ObjectKey.Validate(partition.ManifestKey(prefix)));
    }

    [Theory]
    [InlineData(666)] // one past the layout's bound, though a valid key on its own
    [InlineData(1024)] // the key limit itself, accepted before
    [InlineData(1025)]
    public void Validate_LongerThanTheLayoutAllows_NamesTheFieldAndTheMaximum(int length)
    {
        var error = Assert.Throws<BronzeException>(() => StoragePrefix.Validate(PrefixOfLength(length), "STORAGE_PREFIX"));

        Assert.Equal((BronzeErrorKind.InvalidInput, "STORAGE_PREFIX"), (error.Kind, error.Field));
        Assert.Equal(
            "STORAGE_PREFIX must be at most 665 characters, so that the longest key the layout builds under it (359 characters more) "
            + $"fits the 1024-character key limit; it has {length}.",
            error.Message);
    }

    [Fact]
    public void Validate_Empty_IsTheRoot()
    {
        Assert.Equal("", StoragePrefix.Validate(""));
        Assert.Throws<ArgumentNullException>(() => StoragePrefix.Validate(null!));
    }

    // Segments of at most 255 characters (the segment limit), the last one holding the rest.
    private static string PrefixOfLength(int length)
    {
        var segments = new List<string>();
        while (length > 256)
        {
            segments.Add(new string('a', 255));
            length -= 256;
        }

        segments.Add(new string('b', length));
        return string.Join('/', segments);
    }
}
