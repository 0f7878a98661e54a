using System.Text;
using Bronze.Layout;
using Bronze.Manifests;

namespace Bronze.Tests.Manifests;

/// <summary>The rules ManifestSerializer checks on read, at their edges: what is just allowed and just not.</summary>
public sealed class ManifestCheckTests
{
    private static readonly PartitionRef Partition = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw", 0, 9999);
    private static readonly string Sha = new('a', 64);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Json(PartitionRef? partition = null, DataFileFacts? facts = null) => Encoding.UTF8.GetString(ManifestSerializer.Serialize(
        ManifestGenerator.Create(partition ?? Partition, facts ?? new DataFileFacts(524288000, Sha, 9999, "zstd", 1, 9999),
            new ManifestProducer { Version = "bronze-copier@v0.1.0", GitSha = "abc1234" })));

    private static BronzeException Rejected(string json) =>
        Assert.Throws<BronzeException>(() => ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "a/_manifest.json"));

    [Fact]
    public void Deserialize_NoTables_IsRejected()
    {
        string json = Json();
        int tables = json.IndexOf("\"tables\": {", StringComparison.Ordinal);
        int producer = json.IndexOf(",\n  \"producer\"", StringComparison.Ordinal);
        string empty = json[..tables] + "\"tables\": {}" + json[producer..];

        BronzeException error = Rejected(empty);

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Equal("Manifest a/_manifest.json is malformed: tables must hold at least one table.", error.Message);
    }

    [Theory]
    [InlineData("\"start\": 0,", "\"start\": -1,", "partition.start must be at least 0")]
    [InlineData("\"end\": 9999,", "\"end\": -1,", "partition.end at least start")]
    [InlineData("\"manifest_version\": 1", "\"manifest_version\": 0", "manifest_version must be 1, got 0")]
    [InlineData("\"manifest_version\": 1", "\"manifest_version\": 2", "manifest_version must be 1, got 2")]
    [InlineData("\"row_count\": 9999", "\"row_count\": -1", "tables.ledgers_lcm_raw.row_count must be at least 0")]
    [InlineData("\"byte_size\": 524288000", "\"byte_size\": -1", "tables.ledgers_lcm_raw.byte_size must be at least 0")]
    [InlineData("\"file\": \"part-0-9999.parquet\"", "\"file\": \"\"", "tables.ledgers_lcm_raw.file must be a file name without '/'")]
    [InlineData("\"file\": \"part-0-9999.parquet\"", "\"file\": \"a/part-0-9999.parquet\"", "tables.ledgers_lcm_raw.file must be a file name")]
    [InlineData("\"created_at\": \"", "\"created_at\": \"yesterday\", \"x\": \"", "'yesterday' is not an ISO 8601 timestamp")]
    public void Deserialize_FieldJustOutsideItsRule_SaysTheRule(string from, string to, string rule)
    {
        string json = Json().Replace(from, to, StringComparison.Ordinal);
        Assert.Contains(to, json, StringComparison.Ordinal);

        BronzeException error = Rejected(json);

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:{0}0")]
    [InlineData("sha256:{1}")]
    [InlineData("xsha256:{0}")]
    [InlineData(" sha256:{0}")]
    [InlineData("sha256:{0}\\n")]
    [InlineData("sha256:{0}\\u0000")]
    [InlineData("sha256:{2}")]
    [InlineData("sha256:{3}")]
    [InlineData("sha256{0}")]
    [InlineData("SHA256:{0}")]
    public void Deserialize_ChecksumNotSha256AndExactly64LowerHexDigits_IsRejected(string pattern)
    {
        string checksum = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Sha, Sha[..63], Sha.ToUpperInvariant(), Sha[..63] + "g");
        string json = Json().Replace("\"sha256:" + Sha + "\"", "\"" + checksum + "\"", StringComparison.Ordinal);

        BronzeException error = Rejected(json);

        Assert.Contains("tables.ledgers_lcm_raw.checksum must be 'sha256:' and 64 lower-case hex digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_EveryHexDigit_IsAccepted()
    {
        string sha = string.Concat(Enumerable.Repeat("0123456789abcdef", 4));

        Manifest manifest = ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(Json(facts: new DataFileFacts(1, sha, 1, null, 1, 1))), "m");

        Assert.Equal("sha256:" + sha, manifest.Tables["ledgers_lcm_raw"].Checksum);
    }

    [Fact]
    public void Deserialize_SmallestValues_AreAccepted()
    {
        PartitionRef single = Partition.Dataset.Partition(0, 0);

        Manifest manifest = ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(Json(single, new DataFileFacts(0, Sha, 0, null, null, null))), "m");

        ManifestTableEntry entry = manifest.Tables["ledgers_lcm_raw"];
        Assert.Equal((0L, 0L), (manifest.Partition.Start, manifest.Partition.End));
        Assert.Equal((0L, 0L, "part-0-0.parquet"), (entry.RowCount, entry.ByteSize, entry.File));
        Assert.Equal(((string?)null, (long?)null, (long?)null), (entry.Codec, entry.FirstLedger, entry.LastLedger));
    }

    [Fact]
    public void Deserialize_StartEqualsEnd_IsAccepted()
    {
        Manifest manifest = ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(Json(Partition.Dataset.Partition(5, 5))), "m");

        Assert.Equal((5L, 5L), (manifest.Partition.Start, manifest.Partition.End));
    }

    [Theory]
    [InlineData("2025-01-15T12:30:00+02:00")]
    [InlineData("2025-01-15T10:30:00")]
    [InlineData("2025-01-15T10:30:00Z")]
    public void Deserialize_CreatedAtWithOrWithoutOffset_IsReadAsUtc(string createdAt)
    {
        string json = Json().Replace("\"created_at\": \"", "\"created_at\": \"" + createdAt + "\", \"x\": \"", StringComparison.Ordinal);

        Manifest manifest = ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "m");

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.Zero), manifest.CreatedAt);
        Assert.Equal(TimeSpan.Zero, manifest.CreatedAt.Offset);
    }

    [Fact]
    public void Deserialize_NullDocument_SaysSo()
    {
        Assert.Equal("Manifest a/_manifest.json is malformed: the document is null.", Rejected("null").Message);
    }

    [Fact]
    public void Write_NullWriter_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new UtcTimestampConverter().Write(null!, DateTimeOffset.UnixEpoch, System.Text.Json.JsonSerializerOptions.Default));
    }

    [Fact]
    public void Deserialize_NullCreatedAt_IsRejected()
    {
        string json = Json();
        int at = json.IndexOf("\"created_at\": \"", StringComparison.Ordinal);
        string broken = json[..at] + "\"created_at\": null\n}\n";

        Assert.Contains("is malformed", Rejected(broken).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CreatedAtInAnotherZone_WritesUtc()
    {
        Manifest manifest = ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(Json()), "m") with
        {
            CreatedAt = new DateTimeOffset(2025, 1, 15, 12, 30, 0, TimeSpan.FromHours(2)),
        };

        string json = Encoding.UTF8.GetString(ManifestSerializer.Serialize(manifest));

        Assert.Contains("\"created_at\": \"2025-01-15T10:30:00Z\"", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.False(json.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadBoundedAsync_ExactlyTheLimitInSmallReads_ReturnsEveryByte()
    {
        byte[] bytes = [.. Enumerable.Range(0, ManifestSerializer.MaxLength).Select(i => (byte)i)];

        byte[] read = await ManifestSerializer.ReadBoundedAsync(new TrickleStream(bytes, 1000), "m", Token);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task ReadBoundedAsync_OneByteOverTheLimit_SaysTheLimit()
    {
        byte[] bytes = new byte[ManifestSerializer.MaxLength + 1];

        var error = await Assert.ThrowsAsync<BronzeException>(() => ManifestSerializer.ReadBoundedAsync(new TrickleStream(bytes, 7000), "m", Token));

        Assert.Equal("Manifest m is malformed: it is larger than 65536 bytes, far more than any manifest.", error.Message);
    }

    [Fact]
    public async Task DeserializeAsync_ManifestInSmallReads_ParsesIt()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Json());

        Manifest manifest = await ManifestSerializer.DeserializeAsync(new TrickleStream(bytes, 3), "m", Token);

        Assert.Equal("sha256:" + Sha, manifest.Tables["ledgers_lcm_raw"].Checksum);
    }

    [Fact]
    public void Create_Facts_GoIntoTheTableEntryUnderTheTablesName()
    {
        Manifest manifest = ManifestGenerator.Create(Partition.Dataset.Partition(10, 19), new DataFileFacts(123, Sha, 10, "snappy", 11, 19));

        (string table, ManifestTableEntry entry) = Assert.Single(manifest.Tables);
        Assert.Equal("ledgers_lcm_raw", table);
        Assert.Equal(new ManifestTableEntry
        {
            File = "part-10-19.parquet", Checksum = "sha256:" + Sha, RowCount = 10, ByteSize = 123, Codec = "snappy", FirstLedger = 11, LastLedger = 19,
        }, entry);
        Assert.Equal(ManifestProducer.Current, manifest.Producer);
        Assert.Equal(Manifest.CurrentFormatVersion, manifest.ManifestVersion);
        Assert.InRange(manifest.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(0, manifest.CreatedAt.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Create_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ManifestGenerator.Create(null!, new DataFileFacts(1, Sha, 1, null, 1, 1)));
        Assert.Throws<ArgumentNullException>(() => ManifestGenerator.Create(Partition, null!));
        Assert.Equal("partition", Assert.Throws<ArgumentNullException>(() => ManifestGenerator.Create(null!, null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => ManifestSerializer.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => ManifestPartition.Of(null!));
    }

    [Fact]
    public async Task ReadBoundedAsync_NullStream_NamesIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => ManifestSerializer.ReadBoundedAsync(null!, "m", Token));

        Assert.Equal("stream", error.ParamName);
    }

    [Theory]
    [InlineData("", "bronze-copier@v0.0.0", "unknown")]
    [InlineData("0.1.0+", "bronze-copier@v0.1.0", "unknown")]
    [InlineData("0.1.0+a", "bronze-copier@v0.1.0", "a")]
    [InlineData("+abc", "bronze-copier@v", "abc")]
    public void FromInformationalVersion_Edges_SplitVersionAndSha(string informational, string version, string sha)
    {
        ManifestProducer producer = ManifestProducer.FromInformationalVersion(informational);

        Assert.Equal((version, sha), (producer.Version, producer.GitSha));
    }

    /// <summary>A stream that returns at most <paramref name="chunk"/> bytes a read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }
}
