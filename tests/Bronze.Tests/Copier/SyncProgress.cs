namespace Bronze.Tests.Copier;

/// <summary>Calls the handler on the reporting thread, unlike <see cref="Progress{T}"/>, which posts it later.</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
