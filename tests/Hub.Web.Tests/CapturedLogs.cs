using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hub.Web.Tests;

/// <summary>
/// A logger provider that keeps every line the node writes, as a console would show it
/// (message and exception), after the node's own level filters.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public sealed record LogLine(string Category, LogLevel Level, string Text);

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Lines at Information and above: what an operator's log holds by default.</summary>
    public IReadOnlyList<LogLine> Informational => [.. _lines.Where(l => l.Level >= LogLevel.Information)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = exception is null ? formatter(state, null) : $"{formatter(state, exception)}\n{exception}";
            lines.Enqueue(new LogLine(category, logLevel, text));
        }
    }
}
