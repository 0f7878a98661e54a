using Bronze.Storage;

namespace Bronze.Tests.Copier;

/// <summary>
/// A store whose stat never sees data files: the planner then takes a partition whose data file another writer already
/// stored for new, as it would if that writer published between the plan and the write.
/// </summary>
internal sealed class DataHidingStore(IObjectStore inner) : ForwardingStore(inner)
{
    public override Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default) =>
        key.EndsWith(".parquet", StringComparison.Ordinal) ? Task.FromResult<ObjectInfo?>(null) : Inner.StatAsync(key, cancellationToken);
}
