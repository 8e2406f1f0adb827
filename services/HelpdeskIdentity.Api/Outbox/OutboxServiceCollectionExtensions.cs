using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelpdeskIdentity.Api.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The publisher that drains the outbox table onto the bus. Register after the bus.</summary>
    public static void AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(OutboxOptions.Section);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddHostedService<OutboxPublisher>();
    }
}
