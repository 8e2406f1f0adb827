using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Checks <c>Accounts</c>: lockout, session lifetimes, link and code lifetimes, the request workers.</summary>
internal sealed class AccountOptionsValidator : OptionsValidator<AccountOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(AccountOptions o)
    {
        yield return (o.Lockout.MaxFailedAttempts is >= 1 and <= 100, "Accounts:Lockout:MaxFailedAttempts must be between 1 and 100.");
        yield return (o.Lockout.Duration >= TimeSpan.FromSeconds(1) && o.Lockout.Duration <= TimeSpan.FromDays(1),
            "Accounts:Lockout:Duration must be between 1 second and 1 day.");
        yield return (o.SessionLifetime >= TimeSpan.FromMinutes(5) && o.SessionLifetime <= TimeSpan.FromDays(365),
            "Accounts:SessionLifetime must be between 5 minutes and 365 days.");
        yield return (o.KeepSignedInLifetime >= o.SessionLifetime && o.KeepSignedInLifetime <= TimeSpan.FromDays(365),
            "Accounts:KeepSignedInLifetime must be between Accounts:SessionLifetime and 365 days.");
        yield return (o.ReauthenticateAfter >= TimeSpan.FromMinutes(1) && o.ReauthenticateAfter <= TimeSpan.FromHours(1),
            "Accounts:ReauthenticateAfter must be between 1 minute and 1 hour.");
        yield return (o.PasswordReset.LinkLifetime >= TimeSpan.FromMinutes(5) && o.PasswordReset.LinkLifetime <= TimeSpan.FromDays(7),
            "Accounts:PasswordReset:LinkLifetime must be between 5 minutes and 7 days.");
        yield return (o.SignInCode.Digits is >= 6 and <= 8, "Accounts:SignInCode:Digits must be between 6 and 8.");
        yield return (o.SignInCode.Lifetime >= TimeSpan.FromMinutes(1) && o.SignInCode.Lifetime <= TimeSpan.FromMinutes(15),
            "Accounts:SignInCode:Lifetime must be between 1 and 15 minutes.");
        yield return (o.SignInCode.MaxAttempts is >= 1 and <= 10, "Accounts:SignInCode:MaxAttempts must be between 1 and 10.");
        yield return (o.TwoFactor.RememberBrowserFor >= TimeSpan.Zero && o.TwoFactor.RememberBrowserFor <= TimeSpan.FromDays(90),
            "Accounts:TwoFactor:RememberBrowserFor must be between 0 (not offered) and 90 days.");
        yield return (o.TwoFactor.RecoveryCodeCount is >= 5 and <= 20, "Accounts:TwoFactor:RecoveryCodeCount must be between 5 and 20.");
        yield return (o.PasswordReset.PollInterval >= TimeSpan.FromMilliseconds(100) && o.PasswordReset.PollInterval <= TimeSpan.FromHours(1),
            "Accounts:PasswordReset:PollInterval must be between 100 milliseconds and 1 hour.");
        yield return (o.EmailChange.LinkLifetime >= TimeSpan.FromMinutes(5) && o.EmailChange.LinkLifetime <= TimeSpan.FromDays(7),
            "Accounts:EmailChange:LinkLifetime must be between 5 minutes and 7 days.");
        yield return (o.Invitation.LinkLifetime >= TimeSpan.FromHours(1) && o.Invitation.LinkLifetime <= TimeSpan.FromDays(30),
            "Accounts:Invitation:LinkLifetime must be between 1 hour and 30 days.");
        yield return (o.LinkRetention >= TimeSpan.FromHours(1) && o.LinkRetention <= TimeSpan.FromDays(365),
            "Accounts:LinkRetention must be between 1 hour and 365 days.");
        yield return (o.RequestAttempts is >= 1 and <= 100, "Accounts:RequestAttempts must be between 1 and 100.");
        yield return (Enum.IsDefined(o.TwoFactor.Policy) && o.TwoFactor.RequiredForOrganizations.All(d => Registration.RegistrationRules.Domains([d]).Count == 1),
            "Accounts:TwoFactor:Policy must be Optional or Required, and Accounts:TwoFactor:RequiredForOrganizations must list domain names.");
    }
}
