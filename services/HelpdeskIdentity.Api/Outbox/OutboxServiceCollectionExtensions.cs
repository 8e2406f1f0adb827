namespace HelpdeskIdentity.Api.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The publisher that drains the outbox table onto the bus. Register after the bus.</summary>
    public static void AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxPublisher>();
    }
}
