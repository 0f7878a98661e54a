using System.Runtime.ExceptionServices;
using Bronze.Gcs.Hashing;

namespace Bronze.Gcs.Upload;

/// <summary>The content of one put: the stream the upload engine reads, and the hashes of what it holds.</summary>
internal interface IUploadContent : IAsyncDisposable
{
    /// <summary>What the upload engine reads.</summary>
    Stream Body { get; }

    /// <summary>The number of bytes, when known before the upload starts (a file); <see langword="null"/> for a stream.</summary>
    long? Length { get; }

    /// <summary>The failure of the content itself (not of the connection), when reading it threw.</summary>
    ExceptionDispatchInfo? SourceFailure { get; }

    /// <summary>The hashes of everything the engine sends, once it has read its final chunk.</summary>
    Task<ContentHashes> SentHashesAsync(CancellationToken cancellationToken);

    /// <summary>The hashes of the whole content, reading to its end whatever was not sent (after "already exists").</summary>
    Task<ContentHashes> WholeHashesAsync(CancellationToken cancellationToken);
}
