using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HelpdeskIdentity.Api.Telemetry;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>Adds up <c>helpdesk_identity.email.deliveries</c> by result for one category (tests run in parallel; each uses its own category).</summary>
public sealed class EmailDeliveryCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byResult = new();

    public EmailDeliveryCounter(string category)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HelpdeskTelemetry.Name && instrument.Name == "helpdesk_identity.email.deliveries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tagList = tags.ToArray();
            if (tagList.Any(t => t.Key == "category" && (string?)t.Value == category))
            {
                var result = tagList.Single(t => t.Key == "result").Value?.ToString() ?? "";
                var provider = tagList.Single(t => t.Key == "provider").Value?.ToString() ?? "";
                _byResult.AddOrUpdate($"{provider}/{result}", value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The count for <c>provider/result</c>, e.g. <c>sendgrid/retried</c>.</summary>
    public long Get(string providerAndResult) => _byResult.GetValueOrDefault(providerAndResult);

    public void Dispose() => _listener.Dispose();
}
