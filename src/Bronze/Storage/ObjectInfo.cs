namespace Bronze.Storage;

/// <summary>What a store reports of a listed or stat-ed entry.</summary>
/// <param name="Key">
/// The entry's key, relative to the store root. A listing reports what the store holds, so a key written by something
/// other than Bronze may break the rules of <see cref="ObjectKey"/> (a space, a non-ASCII letter, a leading dot).
/// </param>
/// <param name="Size">The object's size in bytes; 0 for entries that are not objects.</param>
/// <param name="Kind">What the entry is; <see cref="ObjectKind.Object"/> (the default) for every object-store entry.</param>
public sealed record ObjectInfo(string Key, long Size, ObjectKind Kind = ObjectKind.Object);
