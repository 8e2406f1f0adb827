using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The e-mail outbox, the dispatcher that drains it, and the sender <c>Email:Provider</c> names.</summary>
    public static void AddEmail(this WebApplicationBuilder builder)
    {
        builder.AddEmailComposition();
        builder.Services.AddHttpClient<SendGridEmailSender>();
        builder.Services.AddTransient<SmtpEmailSender>();
        builder.Services.AddTransient<PickupEmailSender>();
        builder.Services.AddTransient<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Provider switch
        {
            EmailProvider.SendGrid => sp.GetRequiredService<SendGridEmailSender>(),
            EmailProvider.Smtp => sp.GetRequiredService<SmtpEmailSender>(),
            _ => sp.GetRequiredService<PickupEmailSender>(),
        });
        builder.Services.AddHostedService<EmailDispatcher>();
        builder.Services.AddSingleton<EmailOutboxPruner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmailOutboxPruner>());
    }

    /// <summary>
    /// What writing an e-mail needs (the options, links into the service, the branded frame, the outbox it is enqueued
    /// in), for every feature that writes one; added once however many features ask.
    /// </summary>
    public static IHostApplicationBuilder AddEmailComposition(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(EmailLinks)))
        {
            return builder;
        }

        builder.Services.AddValidatedOptions<EmailOptions, EmailOptionsValidator>(EmailOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) =>
                o.PublicOrigin ??= Uri.TryCreate(configuration["Oidc:Issuer"], UriKind.Absolute, out var issuer) ? issuer : null);
        builder.Services.AddSingleton<EmailLinks>();
        builder.Services.AddSingleton<EmailLayout>();
        builder.Services.AddSingleton<EmailOutboxStore>();
        builder.Services.AddSingleton<IEmailOutbox>(sp => sp.GetRequiredService<EmailOutboxStore>());
        return builder;
    }

    /// <summary>The development mailbox, only in Development or with <c>Email:Mailbox:Enabled</c>.</summary>
    public static void MapEmail(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.DevInbox.Enabled)
        {
            app.MapDevInbox();
        }
    }
}
