using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.Passwords;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Oidc;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Api.Tickets;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>ASP.NET Core Identity over the users table, password sign-in with lockout, and the session cookie.</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AccountOptions, AccountOptionsValidator>(AccountOptions.Section);

        builder.AddAudit(); // sign-in, password, e-mail and session events
        builder.AddEmailComposition(); // the links and frame of every account e-mail
        builder.AddSenderFilter(); // registration refuses what intake would not turn into a person
        builder.Services.TryAddSingleton<GrantRevocations>(); // ending a session ends its refresh tokens
        builder.Services.TryAddSingleton<AccountSessions>(); // a reset, a password or address change ends every session
        builder.Services.AddIdentityCore<Account>(identity =>
            {
                // The user name is the canonical address, which may hold any letter (SMTPUTF8).
                identity.User.AllowedUserNameCharacters = "";
                identity.User.RequireUniqueEmail = true;
                // Only the password policy speaks (Accounts:PasswordPolicy, docs/decisions/0011): no built-in rules.
                identity.Password.RequiredLength = 1;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<HelpdeskDbContext>()
            .AddTokenProvider<OneUseAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider) // each code once (0059)
            .AddPasswordPolicy();
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.Lockout.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.Lockout.Duration;
        });
        builder.Services.RemoveAll<ILookupNormalizer>();
        builder.Services.AddSingleton<ILookupNormalizer, MailboxLookupNormalizer>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<SecondStep>();
        builder.Services.AddScoped<SecondFactorCheck>();
        builder.Services.AddScoped<Authenticators>();
        builder.Services.AddScoped<EnrolmentRequirement>(); // the second-factor policy (docs/decisions/0040)
        builder.Services.TryAddSingleton<Passkeys.IPasskeyStore, Passkeys.PasskeyStore>(); // which it reads
        builder.Services.AddSingleton<TwoFactorEmails>();
        builder.Services.AddScoped<OperatorAccounts>();
        builder.Services.AddPasswordReset();
        builder.Services.AddRegistration();
        builder.Services.AddSelfService();

        AddSessionCookie(builder);
    }

    private static void AddSessionCookie(WebApplicationBuilder builder)
    {
        var plainHttpAllowed = ProductionGuard.IsLocal(builder.Environment);
        builder.Services.AddAuthentication(SessionCookie.Scheme).AddCookie(SessionCookie.Scheme, cookie =>
        {
            cookie.Cookie.Name = plainHttpAllowed ? SessionCookie.CookieName : SessionCookie.SecureCookieName;
            cookie.Cookie.Path = "/";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // Each sign-in sets its cookie's absolute end (ServerSessions); the server-side row ends it too.
            cookie.SlidingExpiration = false;
            cookie.LoginPath = PagePaths.SignIn;
            cookie.LogoutPath = PagePaths.SignOut;
            cookie.ReturnUrlParameter = "returnUrl";
            // Redirects name the path only, never a host taken from the request's Host header (review finding 12).
            cookie.Events.OnRedirectToLogin = context => RedirectLocally(context);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectLocally(context);
            cookie.Events.OnRedirectToLogout = context => RedirectLocally(context);
            cookie.Events.OnRedirectToReturnUrl = context => RedirectLocally(context);
            // Every request checks the session's row and the account's security stamp (docs/decisions/0015, 0024).
            cookie.Events.OnValidatePrincipal = context =>
                context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
        });
        // The second step's cookies (docs/decisions/0037): a pending sign-in for 5 minutes; a remembered browser.
        builder.Services.AddAuthentication().AddCookie(TwoFactorCookies.PendingScheme, cookie =>
        {
            cookie.Cookie.Name = TwoFactorCookies.PendingCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            cookie.SlidingExpiration = false;
        }).AddCookie(TwoFactorCookies.RememberedScheme, cookie =>
        {
            cookie.Cookie.Name = TwoFactorCookies.RememberedCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.SlidingExpiration = false;
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(TwoFactorCookies.RememberedScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) =>
                cookie.ExpireTimeSpan = accounts.Value.TwoFactor.RememberBrowserFor > TimeSpan.Zero ? accounts.Value.TwoFactor.RememberBrowserFor : TimeSpan.FromMinutes(1));
        builder.Services.AddOptions<CookieAuthenticationOptions>(SessionCookie.Scheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) => cookie.ExpireTimeSpan = accounts.Value.KeepSignedInLifetime);
        builder.Services.AddSingleton<IUserSession, CookieUserSession>();
        builder.Services.AddSingleton<SecurityStampStore>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<ServerSessions>();
        builder.Services.AddSingleton<SessionValidator>();
        builder.Services.AddHostedService<SessionPruner>();
        builder.Services.AddSingleton<SessionSignIn>();
        builder.Services.AddScoped<SignedInAccounts>();
        builder.Services.AddScoped<StepUp>();
        builder.Services.AddSingleton<RecentProof>();
        builder.Services.AddValidatedOptions<AcrOptions, AcrOptionsValidator>(AcrOptions.Section);
    }

    /// <summary>The cookie handler's redirect as a relative URL: its path and query, without the scheme and host it copied from the request.</summary>
    private static Task RedirectLocally(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) ? target : "/");
        return Task.CompletedTask;
    }
}
