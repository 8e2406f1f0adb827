using HelpdeskIdentity.Api.Data;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

public static class PasswordResetServiceCollectionExtensions
{
    /// <summary>Set-password links, the forgot-password worker and the e-mails (docs/decisions/0012-password-reset.md).</summary>
    public static IServiceCollection AddPasswordReset(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordResetStore, PasswordResetStore>();
        services.AddSingleton<PasswordResetTokens>();
        services.AddSingleton<PasswordResetEmails>();
        services.AddSingleton<PasswordResetSignal>();
        services.AddScoped<PasswordResets>();
        services.AddHostedService<PasswordResetWorker>();
        return services;
    }
}
