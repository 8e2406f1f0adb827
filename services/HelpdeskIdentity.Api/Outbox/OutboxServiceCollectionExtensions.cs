using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelpdeskIdentity.Api.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The publisher that drains the outbox table onto the bus. Register after the bus.</summary>
    public static void AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddHostedService<OutboxPublisher>();
    }
}
