using Microsoft.Extensions.Logging;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// Every log entry a host writes (after the service's own level filters), for tests about what is logged and how, and
/// for tests that must wait until the service has said something happened (<see cref="WaitForAsync"/>).
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource Logged)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>Completes once an entry that <paramref name="match"/> accepts has been logged (at once if one already was).</summary>
    public Task WaitForAsync(Func<LogEntry, bool> match, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.Any(match))
            {
                return Task.CompletedTask;
            }

            var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, logged));
            return logged.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Match(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Logged.TrySetResult();
            }
        }
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class Logger(string category, LogRecorder recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Add(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
