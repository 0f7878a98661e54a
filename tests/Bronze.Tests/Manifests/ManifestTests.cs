using System.Text;
using System.Text.Json;
using Bronze.Layout;
using Bronze.Manifests;

namespace Bronze.Tests.Manifests;

public sealed class ManifestTests
{
    private static readonly PartitionRef Partition = new("pubnet", "pre_p23", "v1", "ledgers_lcm_raw", 0, 9999);
    private static readonly string Sha = new('a', 64);

    private static Manifest Sample(DateTimeOffset? at = null) => ManifestGenerator.Create(
        Partition,
        new DataFileFacts(524288000, Sha, 9999, "zstd", 1, 9999),
        new ManifestProducer { Version = "bronze-copier@v0.1.0", GitSha = "abc1234" },
        new FixedTime(at ?? new DateTimeOffset(2025, 1, 15, 10, 30, 0, 250, TimeSpan.Zero)));

    [Fact]
    public void Serialize_GeneratedManifest_HasTheSeedShapeFieldForField()
    {
        using JsonDocument doc = JsonDocument.Parse(ManifestSerializer.Serialize(Sample()));
        JsonElement root = doc.RootElement;

        JsonElement partition = root.GetProperty("partition");
        Assert.Equal(0, partition.GetProperty("start").GetInt64());
        Assert.Equal(9999, partition.GetProperty("end").GetInt64());
        Assert.Equal("pre_p23", partition.GetProperty("era_id").GetString());
        Assert.Equal("v1", partition.GetProperty("version").GetString());
        Assert.Equal("pubnet", partition.GetProperty("network").GetString());
        JsonElement table = root.GetProperty("tables").GetProperty("ledgers_lcm_raw");
        Assert.Equal("part-0-9999.parquet", table.GetProperty("file").GetString());
        Assert.Equal("sha256:" + Sha, table.GetProperty("checksum").GetString());
        Assert.Equal(9999, table.GetProperty("row_count").GetInt64());
        Assert.Equal(524288000, table.GetProperty("byte_size").GetInt64());
        Assert.Equal("bronze-copier@v0.1.0", root.GetProperty("producer").GetProperty("version").GetString());
        Assert.Equal("abc1234", root.GetProperty("producer").GetProperty("git_sha").GetString());
        Assert.Equal("2025-01-15T10:30:00Z", root.GetProperty("created_at").GetString());
    }

    [Fact]
    public void Serialize_GeneratedManifests_ValidateAgainstTheSchema()
    {
        Manifest full = Sample();
        Manifest minimal = ManifestGenerator.Create(Partition, new DataFileFacts(0, Sha, 0, null, null, null));

        Assert.Empty(ManifestSchema.Errors(Encoding.UTF8.GetString(ManifestSerializer.Serialize(full))));
        Assert.Empty(ManifestSchema.Errors(Encoding.UTF8.GetString(ManifestSerializer.Serialize(minimal))));
    }

    [Fact]
    public void Schema_ManifestBreakingItsRules_IsRejected()
    {
        string json = Encoding.UTF8.GetString(ManifestSerializer.Serialize(Sample()));

        Assert.NotEmpty(ManifestSchema.Errors(json.Replace("sha256:", "md5:", StringComparison.Ordinal)));
        Assert.NotEmpty(ManifestSchema.Errors(json.Replace("\"row_count\": 9999", "\"row_count\": -1", StringComparison.Ordinal)));
        Assert.NotEmpty(ManifestSchema.Errors(json.Replace("\"network\": \"pubnet\"", "\"network\": \"Pub/Net\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Deserialize_SerializedManifest_RoundTrips()
    {
        Manifest manifest = Sample();

        Manifest back = ManifestSerializer.Deserialize(ManifestSerializer.Serialize(manifest), "test");

        Assert.Equal(manifest.Partition, back.Partition);
        Assert.Equal(manifest.Producer, back.Producer);
        Assert.Equal(manifest.CreatedAt, back.CreatedAt);
        Assert.Equal(manifest.Tables["ledgers_lcm_raw"], back.Tables["ledgers_lcm_raw"]);
    }

    [Theory]
    [InlineData("\"row_count\": 9999", "\"row_count\": 9999, \"row_count\": 1")]
    [InlineData("\"start\": 0", "\"start\": 0, \"start\": 5")]
    public void Deserialize_DuplicateKey_ThrowsIntegrityMismatch(string find, string replace)
    {
        string json = Encoding.UTF8.GetString(ManifestSerializer.Serialize(Sample())).Replace(find, replace, StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains(replace, json, StringComparison.Ordinal);

        var error = Assert.Throws<BronzeException>(() => ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "m"));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
    }

    [Fact]
    public async Task DeserializeAsync_LongerThanAnyManifest_ThrowsAfterReadingOnlyTheLimit()
    {
        var endless = new CountingZeroStream();

        var error = await Assert.ThrowsAsync<BronzeException>(() => ManifestSerializer.DeserializeAsync(endless, "m", TestContext.Current.CancellationToken));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.InRange(endless.BytesRead, ManifestSerializer.MaxLength + 1, ManifestSerializer.MaxLength + 1);
    }

    /// <summary>An endless stream of zeros that counts what was read from it.</summary>
    private sealed class CountingZeroStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Create_CreatedAt_IsUtcToTheSecond()
    {
        Manifest manifest = Sample(new DateTimeOffset(2025, 1, 15, 12, 30, 0, 999, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.Zero), manifest.CreatedAt);
        Assert.Equal(TimeSpan.Zero, manifest.CreatedAt.Offset);
    }

    [Theory]
    [InlineData("not json", "is malformed")]
    [InlineData("null", "is malformed")]
    [InlineData("{}", "is malformed")]
    [InlineData("[1,2]", "is malformed")]
    public void Deserialize_MalformedJson_NamesTheSource(string json, string expected)
    {
        var error = Assert.Throws<BronzeException>(() => ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "a/_manifest.json"));

        Assert.Equal(BronzeErrorKind.IntegrityMismatch, error.Kind);
        Assert.Contains("a/_manifest.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"checksum\": \"sha256:", "\"checksum\": \"sha1:", "checksum")]
    [InlineData("\"row_count\": 9999", "\"row_count\": -3", "row_count")]
    [InlineData("\"byte_size\": 524288000", "\"byte_size\": -1", "byte_size")]
    [InlineData("\"manifest_version\": 1", "\"manifest_version\": 7", "manifest_version")]
    [InlineData("\"file\": \"part-0-9999.parquet\"", "\"file\": \"../x.parquet\"", "file")]
    [InlineData("\"end\": 9999", "\"end\": -9", "partition.end")]
    [InlineData("\"row_count\": 9999,", "", "row_count")]
    public void Deserialize_FieldBreakingARule_NamesTheField(string from, string to, string field)
    {
        string json = Encoding.UTF8.GetString(ManifestSerializer.Serialize(Sample())).Replace(from, to, StringComparison.Ordinal);

        var error = Assert.Throws<BronzeException>(() => ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "m"));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.1.0+0123456789abcdef0123456789abcdef01234567", "bronze-copier@v0.1.0", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("0.2.0", "bronze-copier@v0.2.0", "unknown")]
    [InlineData(null, "bronze-copier@v0.0.0", "unknown")]
    public void FromInformationalVersion_SplitsVersionAndSha(string? informational, string version, string sha)
    {
        ManifestProducer producer = ManifestProducer.FromInformationalVersion(informational);

        Assert.Equal(version, producer.Version);
        Assert.Equal(sha, producer.GitSha);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
