using Bronze.Storage;

namespace Bronze;

/// <summary>
/// The small object-store contract every Bronze store implements: immutable objects addressed by key, written only
/// with put-if-absent. There is no delete, no overwrite and no in-place update.
/// </summary>
/// <remarks>
/// Keys are relative to the store's root and follow <see cref="ObjectKey"/>'s rules. The duplicate check is the write
/// itself, done atomically by the store; "already exists" is the typed outcome <see cref="PutOutcome.AlreadyExists"/>,
/// never an exception. A write that fails or is cancelled leaves nothing visible under the key.
/// </remarks>
public interface IObjectStore
{
    /// <summary>A short description for messages and logs, e.g. <c>file:///data/lake</c> or <c>s3://bucket/prefix</c>.</summary>
    string Description { get; }

    /// <summary>Writes <paramref name="content"/> under <paramref name="key"/> unless the key already exists.</summary>
    /// <param name="key">The object's key; see <see cref="ObjectKey"/>.</param>
    /// <param name="content">The bytes to store, read to its end. The store does not dispose it.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is published when it fires.</param>
    /// <returns>
    /// <see cref="PutOutcome.Created"/>, or <see cref="PutOutcome.AlreadyExists"/> with the stored bytes untouched;
    /// either way the size and sha256 of the bytes read from <paramref name="content"/>.
    /// </returns>
    /// <exception cref="BronzeException">The key breaks a rule, or the store failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    Task<PutResult> PutIfAbsentAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Writes the file at <paramref name="filePath"/> under <paramref name="key"/> unless the key exists.</summary>
    /// <param name="key">The object's key; see <see cref="ObjectKey"/>.</param>
    /// <param name="filePath">A local file that does not change while it is written.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is published when it fires.</param>
    /// <returns>As for <see cref="PutIfAbsentAsync(string, Stream, CancellationToken)"/>.</returns>
    /// <exception cref="BronzeException">The key breaks a rule, the file is missing, or the store failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    Task<PutResult> PutFileIfAbsentAsync(string key, string filePath, CancellationToken cancellationToken = default);

    /// <summary>Returns what the store knows of an object, or <see langword="null"/> when the key does not exist.</summary>
    /// <param name="key">The object's key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="BronzeException">The key breaks a rule, or the store failed.</exception>
    Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Opens an object for reading from its start.</summary>
    /// <param name="key">The object's key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A stream the caller disposes.</returns>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.NotFound"/> when the key does not exist; otherwise the key breaks a rule or
    /// the store failed.
    /// </exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one byte range of an object (a ranged GET on S3 and GCS), e.g. a Parquet file's tail without downloading
    /// the file.
    /// </summary>
    /// <param name="key">The object's key.</param>
    /// <param name="offset">The first byte to read, from 0.</param>
    /// <param name="length">How many bytes to read at most.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The bytes from <paramref name="offset"/> on, <paramref name="length"/> of them, or fewer when the object ends
    /// first (none when <paramref name="offset"/> is at or past its end). Unlike <see cref="OpenReadAsync"/>, a part of an
    /// object is not checked against the object's checksum, which covers the whole.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="length"/> is negative.</exception>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.NotFound"/> when the key does not exist; otherwise the key breaks a rule or
    /// the store failed.
    /// </exception>
    Task<byte[]> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default);

    /// <summary>Lists the published objects whose keys start with <paramref name="prefix"/>, in ordinal key order.</summary>
    /// <param name="prefix">
    /// A key prefix; empty lists everything. It is matched as a string, so <c>a/b</c> also matches <c>a/bc</c>: end it with
    /// <c>/</c> to list one folder's subtree.
    /// </param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="BronzeException">The store failed.</exception>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
