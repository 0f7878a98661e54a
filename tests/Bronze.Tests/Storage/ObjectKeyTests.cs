using Bronze.Storage;

namespace Bronze.Tests.Storage;

/// <summary>
/// Each key rule at its boundary: the last length, character and form allowed, and the first one refused. A rule whose
/// bound moved by one, or whose range lost an end, fails here.
/// </summary>
public sealed class ObjectKeyTests
{
    private static readonly string LongestSegment = new('s', ObjectKey.MaxSegmentLength);

    [Theory]
    [InlineData("azAZ09_-.=")]
    [InlineData("z")]
    [InlineData("Z")]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("a")]
    [InlineData("A")]
    [InlineData("range=0-9/part-0-9.parquet")]
    public void Validate_AllowedCharactersAtTheEndsOfEachRange_ReturnsTheKey(string key)
    {
        Assert.Equal(key, ObjectKey.Validate(key));
        Assert.Equal(key, ObjectKey.ValidateReadable(key));
        Assert.Equal(key, ObjectKey.ValidatePrefix(key));
    }

    [Theory]
    [InlineData('`')] // just below 'a'
    [InlineData('{')] // just above 'z'
    [InlineData('@')] // just below 'A'
    [InlineData('[')] // just above 'Z'
    [InlineData('/')] // just below '0' (and the separator, never inside a segment's characters)
    [InlineData(':')] // just above '9'
    [InlineData(' ')]
    [InlineData('+')]
    [InlineData('\\')]
    [InlineData('é')]
    public void IsAllowedChar_JustOutsideARange_IsFalse(char c) => Assert.False(ObjectKey.IsAllowedChar(c));

    [Theory]
    [InlineData('`')]
    [InlineData('{')]
    [InlineData('@')]
    [InlineData('[')]
    [InlineData(':')]
    [InlineData('é')]
    public void Validate_CharacterJustOutsideARange_ThrowsInvalidInputNamingTheCharacters(char c)
    {
        var error = Assert.Throws<BronzeException>(() => ObjectKey.Validate("a/b" + c));

        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal("key", error.Field);
        Assert.Contains("a-z A-Z 0-9 _ - . =", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyOfMaxLength_IsAcceptedAndOneMoreIsRefused()
    {
        string longest = KeyOfLength(ObjectKey.MaxLength);

        Assert.Equal(longest, ObjectKey.Validate(longest));
        Assert.Equal(longest, ObjectKey.ValidateReadable(longest));
        Assert.Equal(longest, ObjectKey.ValidatePrefix(longest));
        AssertRefused(() => ObjectKey.Validate(longest + "x"), "key", "at most 1024 characters");
        AssertRefused(() => ObjectKey.ValidateReadable(longest + "x"), "key", "at most 1024 characters");
        AssertRefused(() => ObjectKey.ValidatePrefix(longest + "x"), "prefix", "at most 1024 characters");
    }

    [Fact]
    public void ValidatePrefix_MaxLengthEndingInSlash_IsAccepted() =>
        Assert.Equal(KeyOfLength(ObjectKey.MaxLength - 1) + "/", ObjectKey.ValidatePrefix(KeyOfLength(ObjectKey.MaxLength - 1) + "/"));

    [Fact]
    public void Validate_SegmentOfMaxLength_IsAcceptedAndOneMoreIsRefused()
    {
        Assert.Equal("a/" + LongestSegment, ObjectKey.Validate("a/" + LongestSegment));
        AssertRefused(() => ObjectKey.Validate("a/" + LongestSegment + "s"), "key", "segments of at most 255 characters");
        AssertRefused(() => ObjectKey.ValidatePrefix(LongestSegment + "s/"), "prefix", "segments of at most 255 characters");
    }

    [Theory]
    [InlineData("", "not be empty")]
    [InlineData("/a", "not start with '/'")]
    [InlineData("a/", "not end with '/'")]
    [InlineData("a//b", "not contain an empty segment")]
    [InlineData(".a", "not have a segment starting with '.'")]
    [InlineData("a/.b", "not have a segment starting with '.'")]
    [InlineData("a/../b", "not have a segment starting with '.'")]
    public void Validate_BrokenRule_ThrowsInvalidInputNamingTheFieldAndRule(string key, string rule) =>
        AssertRefused(() => ObjectKey.Validate(key, "object"), "object", rule);

    [Theory]
    [InlineData("/a", "not start with '/'")]
    [InlineData("a//", "not end with '/'")]
    [InlineData("a//b", "not contain an empty segment")]
    [InlineData(".a/", "not have a segment starting with '.'")]
    [InlineData("a/.b", "not have a segment starting with '.'")]
    public void ValidatePrefix_BrokenRule_ThrowsInvalidInputNamingTheFieldAndRule(string prefix, string rule) =>
        AssertRefused(() => ObjectKey.ValidatePrefix(prefix, "folderKey"), "folderKey", rule);

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a/")]
    [InlineData("a/b/")]
    [InlineData("a/part-")]
    public void ValidatePrefix_EmptyKeyOrFolder_ReturnsThePrefix(string prefix) => Assert.Equal(prefix, ObjectKey.ValidatePrefix(prefix));

    [Theory]
    [InlineData(".a")]
    [InlineData("x/.config.json")]
    [InlineData(".bronze")] // the reserved prefix is ".bronze-", with its dash
    public void ValidateReadable_HiddenLastSegment_IsAccepted(string key) => Assert.Equal(key, ObjectKey.ValidateReadable(key));

    [Theory]
    [InlineData(".bronze-")]
    [InlineData(".bronze-tmp-0a")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("..a")]
    [InlineData(".a/b")]
    public void ValidateReadable_ReservedDotOrHiddenFolder_ThrowsInvalidInput(string key) =>
        AssertRefused(() => ObjectKey.ValidateReadable(key, "object"), "object", "not have a segment starting with '.'");

    [Fact]
    public void Validators_NullOrEmpty_ThrowNamingTheRule()
    {
        Assert.Throws<ArgumentNullException>(() => ObjectKey.Validate(null!));
        Assert.Throws<ArgumentNullException>(() => ObjectKey.ValidateReadable(null!));
        Assert.Throws<ArgumentNullException>(() => ObjectKey.ValidatePrefix(null!));
        AssertRefused(() => ObjectKey.ValidateReadable(""), "key", "not be empty");
    }

    [Theory]
    [InlineData("", "a/b", "a/b")]
    [InlineData("root", "", "root/")]
    [InlineData("root", "a/b", "root/a/b")]
    [InlineData("r/s", "a/", "r/s/a/")]
    [InlineData("", "", "")]
    public void Join_RootAndKey_JoinsWithOneSlash(string root, string key, string expected) => Assert.Equal(expected, ObjectKey.Join(root, key));

    private static string KeyOfLength(int length)
    {
        var segments = new List<string>();
        int left = length;
        for (; left > 101; left -= 101) segments.Add(new string('a', 100));
        segments.Add(new string('z', left));
        string key = string.Join('/', segments);
        Assert.Equal(length, key.Length);
        return key;
    }

    private static void AssertRefused(Action validate, string field, string rule)
    {
        var error = Assert.Throws<BronzeException>(validate);
        Assert.Equal(BronzeErrorKind.InvalidInput, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }
}
