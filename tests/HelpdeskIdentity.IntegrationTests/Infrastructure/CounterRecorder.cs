using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HelpdeskIdentity.Api.Telemetry;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>Adds up one of the service's counters, by the value of one tag, while it is alive.</summary>
public sealed class CounterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byTag = new();

    public CounterRecorder(string instrumentName, string tagName)
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
            foreach (var tag in tags)
            {
                if (tag.Key == tagName)
                {
                    _byTag.AddOrUpdate(tag.Value?.ToString() ?? "", value, (_, sum) => sum + value);
                }
            }
        });
        _listener.Start();
    }

    public long Total => _byTag.Values.Sum();

    public long Get(string tagValue) => _byTag.GetValueOrDefault(tagValue);

    public void Dispose() => _listener.Dispose();
}
