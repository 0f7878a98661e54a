using System.Text.Json.Nodes;
using Bronze.Layout;
using Bronze.Manifests;
using Bronze.Tests.Copier;
using Bronze.Verification;

namespace Bronze.Tests.Verification;

/// <summary>
/// Each rule of verification on its own, against a dataset the copier wrote and then one object broken: the issue's
/// kind, key and message, and that nothing else is reported.
/// </summary>
public sealed class DatasetVerifierTests
{
    private const string Table = "lake/pubnet/pre_p23/v1/ledgers_lcm_raw";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyAsync_CopiedDataset_IsValidWithItsRowsAndBytes()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        List<PartitionVerification> progress = [];

        VerificationReport report = await dataset.VerifyAsync(progress: new SyncProgress<PartitionVerification>(p => { lock (progress) progress.Add(p); }));

        Assert.True(report.IsValid);
        Assert.Equal([0L, 10L, 20L], report.Partitions.Select(p => p.Partition.Start));
        Assert.Equal([9L, 10L, 10L], report.Partitions.Select(p => p.Rows ?? -1));
        Assert.Equal(new[] { 0, 10, 20 }.Sum(s => new FileInfo(dataset.PathOf(VerifiedDataset.DataKey(s))).Length), report.Bytes);
        Assert.Equal(3, progress.Count);
    }

    [Fact]
    public async Task VerifyAsync_RangePastWhatExists_ReportsEachMissingPartition()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();

        VerificationReport report = await dataset.VerifyAsync(10, 49);

        Assert.Equal([10L, 20L, 30L, 40L], report.Partitions.Select(p => p.Partition.Start));
        Assert.Equal(
            [(VerificationIssueKind.MissingPartition, $"{Table}/range=30-39"), (VerificationIssueKind.MissingPartition, $"{Table}/range=40-49")],
            report.Issues.Select(i => (i.Kind, i.Key)));
        Assert.Equal("The partition has neither data file nor manifest.", report.Issues.First().Message);
    }

    [Fact]
    public async Task VerifyAsync_DataFileWithoutManifest_ReportsMissingManifestAndStillCountsItsRows()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        File.Delete(dataset.PathOf(VerifiedDataset.ManifestKey(10)));

        VerificationReport report = await dataset.VerifyAsync();

        AssertOnlyIssue(report, VerificationIssueKind.MissingManifest, VerifiedDataset.ManifestKey(10),
            "The data file exists but the manifest does not: the partition was never committed.");
        Assert.Equal(29, report.Rows);
    }

    [Fact]
    public async Task VerifyAsync_ManifestWithoutDataFile_ReportsMissingDataFile()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        File.Delete(dataset.PathOf(VerifiedDataset.DataKey(10)));

        VerificationReport report = await dataset.VerifyAsync();

        AssertOnlyIssue(report, VerificationIssueKind.MissingDataFile, VerifiedDataset.DataKey(10), "The manifest exists but the data file part-10-19.parquet does not.");
        Assert.Equal((null, null), (report.Partitions[1].Rows, report.Partitions[1].Bytes));
    }

    [Fact]
    public async Task VerifyAsync_MalformedManifest_ReportsInvalidManifest()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        await dataset.ReplaceAsync(VerifiedDataset.ManifestKey(10), "{\"partition\":"u8.ToArray());

        VerificationReport report = await dataset.VerifyAsync();

        AssertOnlyIssue(report, VerificationIssueKind.InvalidManifest, VerifiedDataset.ManifestKey(10));
    }

    [Fact]
    public async Task VerifyAsync_ManifestBreakingTheSchema_ReportsInvalidManifestNamingTheRule()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        JsonNode json = JsonNode.Parse(ManifestSerializer.Serialize(await dataset.ManifestAsync(10)))!;
        json["tables"]!["ledgers_lcm_raw"]!["checksum"] = "md5:00";
        await dataset.ReplaceAsync(VerifiedDataset.ManifestKey(10), System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

        VerificationReport report = await dataset.VerifyAsync();

        VerificationIssue issue = AssertOnlyIssue(report, VerificationIssueKind.InvalidManifest, VerifiedDataset.ManifestKey(10));
        Assert.Contains("checksum", issue.Message, StringComparison.Ordinal);
    }

    /// <summary>Manifests forged one field at a time, each with the one issue it must cause.</summary>
    public static TheoryData<string, Func<Manifest, Manifest>, VerificationIssueKind, string> ForgedManifests => new()
    {
        {
            "another partition", m => m with { Partition = m.Partition with { Start = 0 } }, VerificationIssueKind.PartitionMismatch,
            "The manifest describes another partition (pubnet/pre_p23/v1 0-19) than its path (pubnet/pre_p23/v1 10-19)."
        },
        {
            "no entry for the table", m => m with { Tables = new Dictionary<string, ManifestTableEntry> { ["other"] = m.Tables["ledgers_lcm_raw"] } },
            VerificationIssueKind.PartitionMismatch, "The manifest has no entry for table ledgers_lcm_raw."
        },
        {
            "another file", m => Entry(m, e => e with { File = "part-0-9.parquet" }), VerificationIssueKind.PartitionMismatch,
            "The manifest names file part-0-9.parquet, not part-10-19.parquet."
        },
        { "another row count", m => Entry(m, e => e with { RowCount = 11 }), VerificationIssueKind.RowCountMismatch, "The footer says 10 rows, the manifest says 11." },
        { "another codec", m => Entry(m, e => e with { Codec = "snappy" }), VerificationIssueKind.CodecMismatch, "The column chunks use codec zstd, the manifest says snappy." },
        {
            "other ledgers", m => Entry(m, e => e with { FirstLedger = 11 }), VerificationIssueKind.LedgerRangeMismatch,
            "The file holds ledgers 10-19, the manifest says 11-19."
        },
    };

    [Theory]
    [MemberData(nameof(ForgedManifests))]
    public async Task VerifyAsync_ForgedManifest_ReportsItsOneIssue(string forgery, Func<Manifest, Manifest> forge, VerificationIssueKind kind, string message)
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        await dataset.ChangeManifestAsync(10, forge);

        VerificationReport report = await dataset.VerifyAsync();

        string key = kind == VerificationIssueKind.PartitionMismatch ? VerifiedDataset.ManifestKey(10) : VerifiedDataset.DataKey(10);
        Assert.True(report.Issues.Count() == 1, forgery);
        AssertOnlyIssue(report, kind, key, message);
    }

    [Fact]
    public async Task VerifyAsync_ManifestWithAnotherSize_ReportsSizeMismatch()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        long size = new FileInfo(dataset.PathOf(VerifiedDataset.DataKey(10))).Length;
        await dataset.ChangeManifestAsync(10, m => Entry(m, e => e with { ByteSize = size + 1 }));

        VerificationReport report = await dataset.VerifyAsync();

        AssertOnlyIssue(report, VerificationIssueKind.SizeMismatch, VerifiedDataset.DataKey(10), $"The data file has {size} bytes, the manifest says {size + 1}.");
    }

    [Fact]
    public async Task VerifyAsync_OneByteOfTheDataChanged_ReportsChecksumMismatchOnly()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        byte[] bytes = await File.ReadAllBytesAsync(dataset.PathOf(VerifiedDataset.DataKey(10)), Ct);
        bytes[8] ^= 0xFF; // inside the first page's data: the footer still reads
        await dataset.ReplaceAsync(VerifiedDataset.DataKey(10), bytes);

        VerificationReport report = await dataset.VerifyAsync();

        VerificationIssue issue = AssertOnlyIssue(report, VerificationIssueKind.ChecksumMismatch, VerifiedDataset.DataKey(10));
        Assert.Contains("the manifest says sha256:", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_DataFileThatIsNotParquet_ReportsItUnreadable()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        long size = new FileInfo(dataset.PathOf(VerifiedDataset.DataKey(10))).Length;
        await dataset.ReplaceAsync(VerifiedDataset.DataKey(10), new byte[size]);

        VerificationReport report = await dataset.VerifyAsync();

        Assert.Equal([VerificationIssueKind.UnreadableDataFile, VerificationIssueKind.ChecksumMismatch], report.Issues.Select(i => i.Kind));
        Assert.StartsWith("The data file is not a readable Parquet file: ", report.Issues.First().Message, StringComparison.Ordinal);
        Assert.Null(report.Partitions[1].Rows);
    }

    [Fact]
    public async Task VerifyAsync_StrayFiles_ReportsEachUnexpectedInKeyOrder()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        await dataset.AddAsync($"{Table}/range=10-19/notes.txt", [1]);
        await dataset.AddAsync($"{Table}/notes.txt", [1]);

        VerificationReport report = await dataset.VerifyAsync();

        Assert.True(report.Partitions.All(p => p.IsValid));
        Assert.Equal(
            [(VerificationIssueKind.UnexpectedFile, $"{Table}/notes.txt", null), (VerificationIssueKind.UnexpectedFile, $"{Table}/range=10-19/notes.txt", null)],
            report.OtherIssues.Select(i => (i.Kind, i.Key, i.Partition)));
        Assert.Equal(
            $"{Table}/notes.txt is not a data file or manifest of the layout {{table}}/range={{start}}-{{end}}/(part-{{start}}-{{end}}.parquet|_manifest.json).",
            report.OtherIssues[0].Message);
    }

    [Fact]
    public async Task VerifyAsync_DataFileThatIsALink_ReportsItAndTheMissingDataFile()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        string path = dataset.PathOf(VerifiedDataset.DataKey(10));
        File.Move(path, path + ".moved");
        File.CreateSymbolicLink(path, path + ".moved");

        VerificationReport report = await dataset.VerifyAsync();

        Assert.Equal(
            [(VerificationIssueKind.MissingDataFile, VerifiedDataset.DataKey(10)), (VerificationIssueKind.NotARegularFile, VerifiedDataset.DataKey(10)),
             (VerificationIssueKind.UnexpectedFile, VerifiedDataset.DataKey(10) + ".moved")],
            report.Issues.Select(i => (i.Kind, i.Key)));
        Assert.Equal(
            $"{VerifiedDataset.DataKey(10)} is a symbolic link; Bronze never follows links in a dataset, so whatever it points to is not part of it.",
            report.OtherIssues[0].Message);
    }

    [Fact]
    public async Task VerifyAsync_FileWhereAPartitionFolderIs_ReportsItUnexpected()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        await File.WriteAllBytesAsync(dataset.PathOf($"{Table}/range=30-39"), [1], Ct);

        VerificationReport report = await dataset.VerifyAsync();

        Assert.Equal([(VerificationIssueKind.UnexpectedFile, $"{Table}/range=30-39")], report.Issues.Select(i => (i.Kind, i.Key)));
        Assert.Equal(3, report.Partitions.Count);
    }

    [Fact]
    public async Task VerifyAsync_OverlappingPartitionsWithoutRange_ReportsTheLaterOne()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        await dataset.AddAsync($"{Table}/range=5-14/part-5-14.parquet", [1]);
        await dataset.AddAsync($"{Table}/range=0-29/_manifest.json", [1]);

        VerificationReport report = await dataset.VerifyAsync();

        Assert.Equal(
            [
                ($"{Table}/range=0-29", "Partition 0-29 overlaps partition 0-9."),
                ($"{Table}/range=5-14", "Partition 5-14 overlaps partition 0-29."),
                ($"{Table}/range=10-19", "Partition 10-19 overlaps partition 0-29."),
                ($"{Table}/range=20-29", "Partition 20-29 overlaps partition 0-29."),
            ],
            report.OtherIssues.Select(i => (i.Key, i.Message)));
        Assert.All(report.OtherIssues, i => Assert.Equal(VerificationIssueKind.UnexpectedFile, i.Kind));
        Assert.Equal(5, report.Partitions.Count);
    }

    [Fact]
    public async Task VerifyAsync_UnalignedPartitionInTheRange_ReportsIt()
    {
        using VerifiedDataset dataset = await VerifiedDataset.CopyAsync();
        await dataset.AddAsync($"{Table}/range=5-14/part-5-14.parquet", [1]);
        await dataset.AddAsync($"{Table}/range=20-24/part-20-24.parquet", [1]);
        await dataset.AddAsync($"{Table}/range=30-39/part-30-39.parquet", [1]);

        VerificationReport report = await dataset.VerifyAsync(10, 29);

        Assert.Equal(
            [
                (PartitionRef?)CopierFixture.Ledgers.Partition(5, 14),
                CopierFixture.Ledgers.Partition(20, 24),
            ],
            report.OtherIssues.Select(i => i.Partition));
        Assert.Equal("Partition 5-14 overlaps the range but is not aligned to the partition size 10.", report.OtherIssues[0].Message);
        Assert.Equal([10L, 20L], report.Partitions.Select(p => p.Partition.Start));
        Assert.True(report.Partitions.All(p => p.IsValid));
    }

    private static Manifest Entry(Manifest manifest, Func<ManifestTableEntry, ManifestTableEntry> change) =>
        manifest with { Tables = new Dictionary<string, ManifestTableEntry> { ["ledgers_lcm_raw"] = change(manifest.Tables["ledgers_lcm_raw"]) } };

    private static VerificationIssue AssertOnlyIssue(VerificationReport report, VerificationIssueKind kind, string key, string? message = null)
    {
        VerificationIssue issue = Assert.Single(report.Issues);
        Assert.Equal((kind, key), (issue.Kind, issue.Key));
        Assert.NotNull(issue.Partition);
        if (message is not null) Assert.Equal(message, issue.Message);
        Assert.False(report.IsValid);
        return issue;
    }
}
