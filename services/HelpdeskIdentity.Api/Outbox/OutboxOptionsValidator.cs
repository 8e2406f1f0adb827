using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Outbox;

/// <summary>Checks <c>Outbox</c>: polling, batches, back-off, the publish timeout and how long published rows stay.</summary>
internal sealed class OutboxOptionsValidator : OptionsValidator<OutboxOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(OutboxOptions o)
    {
        yield return (o.PollInterval >= TimeSpan.FromMilliseconds(10) && o.PollInterval <= TimeSpan.FromMinutes(10),
            "Outbox:PollInterval must be between 10 ms and 10 minutes.");
        yield return (o.BatchSize is >= 1 and <= 1_000, "Outbox:BatchSize must be between 1 and 1000.");
        yield return (o.MaxBackoff >= TimeSpan.FromSeconds(1) && o.MaxBackoff <= TimeSpan.FromDays(1), "Outbox:MaxBackoff must be between 1 second and 1 day.");
        yield return (o.PublishTimeout >= TimeSpan.FromSeconds(1) && o.PublishTimeout <= TimeSpan.FromMinutes(5),
            "Outbox:PublishTimeout must be between 1 second and 5 minutes.");
        yield return (o.RetainPublishedFor >= TimeSpan.FromMinutes(1) && o.RetainPublishedFor <= TimeSpan.FromDays(365),
            "Outbox:RetainPublishedFor must be between 1 minute and 365 days.");
    }
}
