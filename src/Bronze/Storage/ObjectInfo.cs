namespace Bronze.Storage;

/// <summary>What a store reports of a published object.</summary>
/// <param name="Key">The object's key, relative to the store root.</param>
/// <param name="Size">The object's size in bytes.</param>
public sealed record ObjectInfo(string Key, long Size);
