using Bronze.Layout;
using Bronze.Partitions;
using Bronze.Storage;
using Bronze.Testing;

namespace Bronze.Tests.Partitions;

/// <summary>One listing of a table's folder sorted into partitions and strays (<see cref="DatasetScan"/>).</summary>
public sealed class DatasetScanTests() : LocalPartitionsTests("lake")
{
    private const string Table = "lake/pubnet/pre_p23/v1/ledgers_lcm_raw";

    [Fact]
    public async Task ScanAsync_DataFilesAndManifests_GivesEachPartitionsObjectsInStartOrder()
    {
        await PutAsync($"{Table}/range=100-109/_manifest.json", 3);
        await PutAsync($"{Table}/range=20-29/part-20-29.parquet", 2);
        await PutAsync($"{Table}/range=0-9/part-0-9.parquet", 5);
        await PutAsync($"{Table}/range=0-9/_manifest.json", 4);
        List<ObjectInfo> strays = [];

        List<PartitionObjects> found = await Partitions.ScanAsync(Ledgers, strays.Add, Ct).ToListAsync(Ct);

        Assert.Equal(
            [
                (Ledgers.Partition(0, 9), $"{Table}/range=0-9/part-0-9.parquet", 5L, $"{Table}/range=0-9/_manifest.json", true),
                (Ledgers.Partition(20, 29), $"{Table}/range=20-29/part-20-29.parquet", 2L, null, true),
                (Ledgers.Partition(100, 109), null, 0L, $"{Table}/range=100-109/_manifest.json", true),
            ],
            found.Select(o => (o.Partition, o.Data?.Key, o.Data?.Size ?? 0, o.Manifest?.Key, o.HasObjects)));
        Assert.All(found, o => Assert.Null(o.Folder));
        Assert.Empty(strays);
    }

    [Fact]
    public async Task ScanAsync_KeysOutsideTheLayout_AreStraysInKeyOrderAndNoPartition()
    {
        await PutAsync($"{Table}/range=0-9/notes.txt", 1);
        await PutAsync($"{Table}/notes.txt", 1);
        await PutAsync($"{Table}/range=007-9/part-007-9.parquet", 1);
        await PutAsync($"{Table}/range=0-9/sub/part-0-9.parquet", 1);
        await PutAsync("lake/pubnet/pre_p23/v1/other/range=0-9/part-0-9.parquet", 1);
        List<ObjectInfo> strays = [];

        List<PartitionObjects> found = await Partitions.ScanAsync(Ledgers, strays.Add, Ct).ToListAsync(Ct);

        Assert.Empty(found);
        Assert.Equal(
            [$"{Table}/notes.txt", $"{Table}/range=0-9/notes.txt", $"{Table}/range=0-9/sub/part-0-9.parquet", $"{Table}/range=007-9/part-007-9.parquet"],
            strays.Select(s => s.Key));
    }

    [Fact]
    public async Task ScanAsync_TableWhoseNameExtendsThisOne_IsNotListed()
    {
        await PutAsync("lake/pubnet/pre_p23/v1/ledgers_lcm_raw_more/range=0-9/part-0-9.parquet", 1);
        await PutAsync("lake/pubnet/pre_p23/v1/ledgers_lcm_raw_more/notes.txt", 1);
        List<ObjectInfo> strays = [];

        List<PartitionObjects> found = await Partitions.ScanAsync(Ledgers, strays.Add, Ct).ToListAsync(Ct);

        Assert.Empty(found);
        Assert.Empty(strays);
    }

    [Fact]
    public async Task ScanAsync_FileWhereTheFolderIs_IsTheFolderEntryAndAStray()
    {
        Directory.CreateDirectory(Path.Join(Root, Table));
        await File.WriteAllBytesAsync(Path.Join(Root, Table, "range=0-9"), [1], Ct);
        List<ObjectInfo> strays = [];

        PartitionObjects only = Assert.Single(await Partitions.ScanAsync(Ledgers, strays.Add, Ct).ToListAsync(Ct));

        Assert.Equal(new ObjectInfo($"{Table}/range=0-9", 1), only.Folder);
        Assert.False(only.HasObjects);
        Assert.Equal([only.Folder!], strays);
    }

    [Fact]
    public async Task ScanAsync_DataFileAndManifestThatAreLinks_AreStraysNotObjects()
    {
        string folder = Path.Join(Root, Table, "range=0-9");
        Directory.CreateDirectory(folder);
        string target = Path.Join(Root, "target");
        await File.WriteAllBytesAsync(target, [1, 2], Ct);
        File.CreateSymbolicLink(Path.Join(folder, "part-0-9.parquet"), target);
        File.CreateSymbolicLink(Path.Join(folder, "_manifest.json"), target);
        List<ObjectInfo> strays = [];

        PartitionObjects only = Assert.Single(await Partitions.ScanAsync(Ledgers, strays.Add, Ct).ToListAsync(Ct));

        Assert.Equal((Ledgers.Partition(0, 9), null, null, null), (only.Partition, only.Data, only.Manifest, only.Folder));
        Assert.Equal([ObjectKind.SymbolicLink, ObjectKind.SymbolicLink], strays.Select(s => s.Kind));
    }

    [Fact]
    public async Task ScanAsync_NoStraySink_ListsThePartitionsAll()
    {
        await PutAsync($"{Table}/notes.txt", 1);
        await PutAsync($"{Table}/range=0-9/part-0-9.parquet", 1);

        PartitionObjects only = Assert.Single(await Partitions.ScanAsync(Ledgers, null, Ct).ToListAsync(Ct));

        Assert.Equal(Ledgers.Partition(0, 9), only.Partition);
    }

    [Fact]
    public void ScanAsync_NullDataset_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Partitions.ScanAsync(null!, null, Ct));
    }

    private async Task PutAsync(string key, int size) => await Partitions.Store.PutIfAbsentAsync(key, new MemoryStream(new byte[size]), Ct);
}
