using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HelpdeskIdentity.Api.Telemetry;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// Adds up one of the service's counters, by the value of one tag, while it is alive — only what the requests of the
/// test that created it caused. The meter is process-wide and other test classes run in parallel, so measurements are
/// kept only when made in this test's execution context, which the in-process server flows into its requests
/// (<see cref="IdentityHost"/> sets <c>PreserveExecutionContext</c>).
/// </summary>
public sealed class CounterRecorder : IDisposable
{
    private static readonly AsyncLocal<CounterRecorder?> Current = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byTag = new();

    /// <param name="thisTestOnly">
    /// False for measurements made outside any request (a consumed bus message): then every test's count, and a
    /// test can only assert a lower bound.
    /// </param>
    public CounterRecorder(string instrumentName, string tagName, bool thisTestOnly = true)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HelpdeskTelemetry.Name && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (thisTestOnly && Current.Value != this)
            {
                return; // another test's request
            }

            foreach (var tag in tags)
            {
                if (tag.Key == tagName)
                {
                    _byTag.AddOrUpdate(tag.Value?.ToString() ?? "", value, (_, sum) => sum + value);
                }
            }
        });
        Current.Value = this; // a synchronous constructor: the caller's context keeps it
        _listener.Start();
    }

    public long Total => _byTag.Values.Sum();

    public long Get(string tagValue) => _byTag.GetValueOrDefault(tagValue);

    public void Dispose() => _listener.Dispose();
}
