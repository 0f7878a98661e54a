using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bronze.Tests.Telemetry;

/// <summary>An ILogger that keeps every entry, as a host's logging provider would receive it.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception), exception));

    internal sealed record Entry(LogLevel Level, int EventId, string Message, Exception? Exception);
}
