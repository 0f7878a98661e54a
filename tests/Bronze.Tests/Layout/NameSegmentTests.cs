using Bronze.Layout;

namespace Bronze.Tests.Layout;

/// <summary>The name rule at every edge of its character ranges, its length limit and its leading dot.</summary>
public sealed class NameSegmentTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("z")]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("_")]
    [InlineData("-")]
    [InlineData("a.")]
    [InlineData("v2.1")]
    [InlineData("az09_-.")]
    public void Validate_EdgeOfEachAllowedRange_ReturnsTheName(string name)
    {
        Assert.Equal(name, NameSegment.Validate("network", name));
    }

    [Fact]
    public void Validate_ExactlyMaxLength_ReturnsTheName()
    {
        string longest = new('z', NameSegment.MaxLength);

        Assert.Equal(longest, NameSegment.Validate("table", longest));
        Assert.Equal(64, NameSegment.MaxLength);
    }

    [Theory]
    [InlineData("a`", "use only lower-case letters")] // '`' is just below 'a'
    [InlineData("z{", "use only lower-case letters")] // '{' is just above 'z'
    [InlineData("0:", "use only lower-case letters")] // ':' is just above '9'
    [InlineData("@", "use only lower-case letters")] // '@' is just below 'A'
    [InlineData("a=b", "use only lower-case letters")] // allowed in keys, not in names
    [InlineData("caf\u00e9", "use only lower-case letters")]
    [InlineData("a/", "not contain path separators")] // '/' is just below '0'
    [InlineData("\\a", "not contain path separators")]
    [InlineData("A", "be lower case")]
    [InlineData("aZ", "be lower case")]
    [InlineData("a\tb", "not contain control characters")]
    [InlineData("a\u007f", "not contain control characters")]
    [InlineData(".", "not start with '.'")]
    [InlineData(".a", "not start with '.'")]
    public void Validate_CharacterOutsideTheRule_NamesFieldAndRule(string name, string rule)
    {
        var error = Assert.Throws<BronzeException>(() => NameSegment.Validate("era_id", name));

        Assert.Equal((BronzeErrorKind.InvalidInput, "era_id"), (error.Kind, error.Field));
        Assert.Contains("era_id must " + rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NullOrEmpty_MustNotBeEmpty(string? name)
    {
        var error = Assert.Throws<BronzeException>(() => NameSegment.Validate("network", name));

        Assert.Equal("network must not be empty.", error.Message);
    }

    [Fact]
    public void Validate_OneOverMaxLength_SaysTheLimit()
    {
        var error = Assert.Throws<BronzeException>(() => NameSegment.Validate("table", new string('a', 65)));

        Assert.Contains("table must be at most 64 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DatasetRef_EachField_NamedInItsError()
    {
        Assert.Equal("network", Assert.Throws<BronzeException>(() => new DatasetRef("N", "e", "v", "t")).Field);
        Assert.Equal("era_id", Assert.Throws<BronzeException>(() => new DatasetRef("n", "E", "v", "t")).Field);
        Assert.Equal("version_label", Assert.Throws<BronzeException>(() => new DatasetRef("n", "e", "V", "t")).Field);
        Assert.Equal("table", Assert.Throws<BronzeException>(() => new DatasetRef("n", "e", "v", "T")).Field);
        Assert.Equal("n/e/v/t", new DatasetRef("n", "e", "v", "t").Key());
        Assert.Equal("a/b/n/e/v/t", new DatasetRef("n", "e", "v", "t").Key("a/b"));
    }
}
