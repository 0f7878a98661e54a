namespace Bronze.Storage;

/// <summary>How a put-if-absent ended.</summary>
public enum PutOutcome
{
    /// <summary>The object did not exist and now holds exactly the bytes written.</summary>
    Created,

    /// <summary>The key already existed; its stored bytes are untouched and nothing of this write is visible.</summary>
    AlreadyExists,
}
