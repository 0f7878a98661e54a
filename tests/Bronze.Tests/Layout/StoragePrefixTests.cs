using Bronze.Layout;

namespace Bronze.Tests.Layout;

/// <summary>The dataset prefix: empty or a key, at most 1,024 characters.</summary>
public sealed class StoragePrefixTests
{
    [Fact]
    public void Validate_Exactly1024Characters_ReturnsIt()
    {
        string prefix = string.Join('/', new string('a', 255), new string('b', 255), new string('c', 255), new string('d', 254), "e");

        Assert.Equal(1024, prefix.Length);
        Assert.Equal(prefix, StoragePrefix.Validate(prefix));
    }

    [Fact]
    public void Validate_1025Characters_NamesTheFieldAndTheLimit()
    {
        string prefix = string.Join('/', new string('a', 255), new string('b', 255), new string('c', 255), new string('d', 255), "e");

        var error = Assert.Throws<BronzeException>(() => StoragePrefix.Validate(prefix, "STORAGE_PREFIX"));

        Assert.Equal(1025, prefix.Length);
        Assert.Equal((BronzeErrorKind.InvalidInput, "STORAGE_PREFIX"), (error.Kind, error.Field));
        Assert.Contains("at most 1024 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Empty_IsTheRoot()
    {
        Assert.Equal("", StoragePrefix.Validate(""));
        Assert.Throws<ArgumentNullException>(() => StoragePrefix.Validate(null!));
    }
}
