using Microsoft.Extensions.Logging;

namespace PolicyAssistant.Conversation.Tests;

public sealed record LogLine(LogLevel Level, EventId EventId, string Message);

/// <summary>An ILogger that keeps what it was given, to check what reaches the logs.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<LogLine> _lines = [];

    public IReadOnlyList<LogLine> Lines => _lines;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Add(new LogLine(logLevel, eventId, formatter(state, exception) + (exception is null ? string.Empty : exception.ToString())));
}
