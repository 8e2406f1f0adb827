using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// Changing how an account signs in (the second factor, recovery codes, passkeys) needs a recent proof of who the
/// person is, not only a session (docs/decisions/0056; ASVS 5 V7.5.1): the session's sign-in, or a confirmation of the
/// password on <see cref="PagePaths.ConfirmAccess"/>, within <c>Accounts:ReauthenticateAfter</c>. Otherwise the
/// browser goes to that page and comes back.
/// </summary>
public sealed class RecentProof(IOptions<AccountOptions> options, TimeProvider clock)
{
    public async Task<bool> IsRecentAsync(HttpContext context) =>
        SessionPrincipal.LastProvedAt((await context.AuthenticateAsync(SessionCookie.Scheme)).Principal) is { } provedAt
        && clock.GetUtcNow() - provedAt <= options.Value.ReauthenticateAfter;

    /// <summary>To the confirm-access page, which comes back to <paramref name="returnUrl"/>.</summary>
    public static RedirectResult Ask(string returnUrl) => new(QueryHelpers.AddQueryString(PagePaths.ConfirmAccess, "returnUrl", returnUrl));
}
