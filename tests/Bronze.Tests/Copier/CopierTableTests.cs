using Bronze.Copier;
using Bronze.Layout;

namespace Bronze.Tests.Copier;

public sealed class CopierTableTests
{
    private static readonly DatasetRef OtherTable = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw_v2");

    [Fact]
    public void Validate_DatasetOfAnotherTable_ThrowsNamingTableAndRule()
    {
        CopierOptions options = CopierFixture.Options() with { Dataset = OtherTable };

        var e = Assert.Throws<BronzeException>(() => options.Validate());

        Assert.Equal((BronzeErrorKind.InvalidInput, "table"), (e.Kind, e.Field));
        Assert.Equal("table must be ledgers_lcm_raw, the only table the copier writes (got \"ledgers_lcm_raw_v2\").", e.Message);
    }

    [Fact]
    public void Constructor_DatasetOfAnotherTable_ThrowsAndWritesNothing()
    {
        using var fixture = new CopierFixture();
        string[] before = [.. Directory.EnumerateFileSystemEntries(fixture.Root, "*", SearchOption.AllDirectories)];

        var e = Assert.Throws<BronzeException>(() => fixture.Copier(CopierFixture.Options() with { Dataset = OtherTable }));

        Assert.Equal("table", e.Field);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(fixture.Root, "*", SearchOption.AllDirectories));
    }
}
