using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// Remembers the exception the generic host logs when it fails to start. WebApplicationFactory now and then reports
/// such a failure as "cannot access a disposed IServiceProvider" (the app's own thread disposed the host first);
/// <see cref="IdentityHost.StartAsync"/> then throws the logged cause instead, so tests see why start-up stopped.
/// </summary>
public sealed class StartupFailures : ILoggerProvider, ILogger
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private readonly ConcurrentQueue<Exception> _failures = new();

    public Exception? First => _failures.TryPeek(out var failure) ? failure : null;

    public ILogger CreateLogger(string categoryName) => categoryName == HostCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error && exception is not null)
        {
            _failures.Enqueue(exception);
        }
    }

    public void Dispose()
    {
    }
}
