using Microsoft.Extensions.Logging;

namespace HelpdeskIdentity.UnitTests.Hosting;

/// <summary>Every entry logged to it, in order.</summary>
internal sealed class LogRecorder<TCategory> : ILogger<TCategory>
{
    public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
