using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Data;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

public static class PasswordResetServiceCollectionExtensions
{
    /// <summary>Set-password links, e-mailed sign-in codes, the forgot-password worker that sends both, and the e-mails (docs/decisions/0012, 0036).</summary>
    public static IServiceCollection AddPasswordReset(this IServiceCollection services)
    {
        services.AddSingleton<PasswordResetStore>();
        services.AddSingleton<PasswordResetTokens>();
        services.AddSingleton<PasswordResetEmails>();
        services.AddSingleton<PasswordResetSignal>();
        services.AddSingleton<ForgotPasswordRequests>();
        services.AddScoped<PasswordResets>();
        services.AddSingleton<SignInCodeStore>();
        services.AddSingleton<SignInCodeIssuer>();
        services.AddSingleton<SignInCodeEmails>();
        services.AddScoped<SignInCodes.SignInCodes>();
        services.AddHostedService<PasswordResetWorker>();
        return services;
    }
}
