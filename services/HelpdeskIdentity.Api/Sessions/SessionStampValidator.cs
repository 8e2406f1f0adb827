using System.Globalization;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Oidc.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// The cookie's <c>OnValidatePrincipal</c>: a session lives only while the account's security stamp is the one
/// it was issued for. A password reset or change, or an e-mail change, renews the stamp and so ends every other
/// browser's session. Checked at most once per <c>Accounts:SessionValidationInterval</c> (zero: every request);
/// the time of the last check travels in the cookie. The authorization endpoint always checks.
/// </summary>
public sealed partial class SessionStampValidator(
    ISecurityStampStore stamps, IOptions<AccountOptions> options, TimeProvider clock, ILogger<SessionStampValidator> logger)
{
    private const string CheckedAtItem = "hdid.stamp_checked_at";

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // Codes are minted at the authorization endpoint: there the stamp is checked on every request, so a session
        // ended elsewhere cannot obtain one during the interval.
        var interval = context.HttpContext.Request.Path.StartsWithSegments(AuthorizeEndpoint.Path)
            ? TimeSpan.Zero
            : options.Value.SessionValidationInterval;
        var now = clock.GetUtcNow();
        if (interval > TimeSpan.Zero && CheckedAt(context.Properties) is { } checkedAt && now - checkedAt < interval && now >= checkedAt)
        {
            return;
        }

        var principal = context.Principal;
        if (principal is null || SessionPrincipal.Read(principal) is not { } session || !Guid.TryParse(session.SubjectId, out var accountId))
        {
            await RejectAsync(context);
            return;
        }

        if (!SessionPrincipal.HasStamp(principal, await stamps.FindAsync(accountId, context.HttpContext.RequestAborted)))
        {
            LogEnded(accountId);
            await RejectAsync(context);
            return;
        }

        if (interval > TimeSpan.Zero)
        {
            context.Properties.Items[CheckedAtItem] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }
    }

    private static DateTimeOffset? CheckedAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(CheckedAtItem, out var value)
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SessionCookie.Scheme);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of account {AccountId} ended: the account's security stamp changed")]
    private partial void LogEnded(Guid accountId);
}
