using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bronze.Manifests;

/// <summary>Turns manifests into their JSON bytes and back, rejecting malformed manifests with a clear error.</summary>
public static partial class ManifestSerializer
{
    /// <summary>
    /// The largest manifest read (64 KiB): Bronze's are under 1 KiB, so anything near this is not a manifest, and reading
    /// it whole could exhaust memory.
    /// </summary>
    public const int MaxLength = 64 << 10;

    /// <summary>The manifest as UTF-8 JSON (indented, snake_case, ending in a newline).</summary>
    /// <param name="manifest">The manifest.</param>
    public static byte[] Serialize(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.Manifest);
        return [.. json, (byte)'\n'];
    }

    /// <summary>Parses manifest JSON and checks the rules the schema states.</summary>
    /// <param name="json">The manifest's bytes.</param>
    /// <param name="source">Where the bytes came from (a key or path), for the error message.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.IntegrityMismatch"/> naming what is wrong.</exception>
    public static Manifest Deserialize(ReadOnlySpan<byte> json, string source)
    {
        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.Manifest);
        }
        catch (JsonException e)
        {
            throw Malformed(source, e.Message, e);
        }

        if (manifest is null) throw Malformed(source, "the document is null");
        Check(manifest, source);
        return manifest;
    }

    /// <summary>Reads and parses a manifest from <paramref name="stream"/>.</summary>
    /// <param name="stream">The manifest's bytes, read to the end (at most <see cref="MaxLength"/>).</param>
    /// <param name="source">Where the bytes came from, for the error message.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.IntegrityMismatch"/> naming what is wrong.</exception>
    public static async Task<Manifest> DeserializeAsync(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        byte[] json = await ReadBoundedAsync(stream, source, cancellationToken).ConfigureAwait(false);
        return Deserialize(json, source);
    }

    /// <summary>Reads a manifest's bytes, refusing more than <see cref="MaxLength"/>, without reading further.</summary>
    /// <param name="stream">The manifest's bytes.</param>
    /// <param name="source">Where the bytes came from, for the error message.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.IntegrityMismatch"/> when the manifest is too large.</exception>
    public static async Task<byte[]> ReadBoundedAsync(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] buffer = new byte[MaxLength + 1];
        int filled = 0;
        while (filled < buffer.Length)
        {
            // The read apart from the loop test: assigned inside the condition, a mutant of it would not compile, and
            // then Stryker drops every mutant of this method, the size limit's included.
            int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            filled += read;
        }

        if (filled > MaxLength) throw Malformed(source, $"it is larger than {MaxLength} bytes, far more than any manifest");
        return buffer[..filled];
    }

    private static void Check(Manifest manifest, string source)
    {
        if (manifest.ManifestVersion != Manifest.CurrentFormatVersion)
            throw Malformed(source, $"manifest_version must be {Manifest.CurrentFormatVersion}, got {manifest.ManifestVersion}");
        if (manifest.Partition.Start < 0 || manifest.Partition.End < manifest.Partition.Start)
            throw Malformed(source, "partition.start must be at least 0 and partition.end at least start");
        if (manifest.Tables.Count == 0) throw Malformed(source, "tables must hold at least one table");
        foreach ((string table, ManifestTableEntry entry) in manifest.Tables)
        {
            if (!Sha256Checksum().IsMatch(entry.Checksum))
                throw Malformed(source, $"tables.{table}.checksum must be 'sha256:' and 64 lower-case hex digits");
            if (entry.RowCount < 0) throw Malformed(source, $"tables.{table}.row_count must be at least 0");
            if (entry.ByteSize < 0) throw Malformed(source, $"tables.{table}.byte_size must be at least 0");
            if (entry.File.Length == 0 || entry.File.Contains('/', StringComparison.Ordinal))
                throw Malformed(source, $"tables.{table}.file must be a file name without '/'");
        }
    }

    private static BronzeException Malformed(string source, string detail, Exception? inner = null) =>
        new(BronzeErrorKind.IntegrityMismatch, $"Manifest {source} is malformed: {detail}.", innerException: inner);

    // \z, not $: in .NET, $ also matches before a final newline, which the schema's pattern rejects.
    [GeneratedRegex(@"^sha256:[0-9a-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Checksum();
}
