using System.Collections.Concurrent;
using System.Diagnostics;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// The SQL statements (their text, never their parameter values) one request of the calling test made, in order —
/// read from Npgsql's activities that belong to a trace this recorder starts around the request. The in-process
/// server runs requests in the test's execution context (<see cref="IdentityHost"/>), so they join that trace; work
/// done later by background services (the e-mail workers) is not part of it. Npgsql's activities for opening a
/// physical connection (<c>CONNECT db</c>, no statement text) are left out: whether the pool had a connection ready
/// says nothing about the request.
/// </summary>
public sealed class SqlStatementRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(ActivityTraceId Trace, DateTime Start, string? Statement)> _statements = new();

    public SqlStatementRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _statements.Enqueue((activity.TraceId, activity.StartTimeUtc,
                (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString())),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Runs the request in a trace of its own; returns the statements it made, in the order they started.</summary>
    public async Task<List<string>> CaptureAsync(Func<Task> request)
    {
        using var trace = new Activity("test request").Start();
        await request();
        trace.Stop();
        return [.. _statements.Where(s => s.Trace == trace.TraceId && s.Statement is not null).OrderBy(s => s.Start).Select(s => s.Statement!)];
    }

    public void Dispose() => _listener.Dispose();
}
