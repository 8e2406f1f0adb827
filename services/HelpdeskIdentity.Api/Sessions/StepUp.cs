using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// Step-up (docs/decisions/0038): whether the current session is strong enough for a client's <c>acr_values</c>.
/// Asking for the multi-factor value with a single-factor session sends the person to sign in again, and the second
/// step then asks for the code even in a remembered browser. An account without a second factor cannot do better:
/// its session is let through, and the ID token's <c>acr</c> tells the client what it got. (<c>max_age</c> is the
/// protocol library's: an older session signs in again.)
/// </summary>
public sealed class StepUp(UserManager<Account> users, IOptions<AcrOptions> options)
{
    public async Task<bool> SatisfiesAsync(UserSession session, string? acrValues) =>
        !WantsMultiFactor(acrValues)
        || (session.Methods ?? []).Contains(AuthenticationMethods.MultipleFactors)
        || await users.FindByIdAsync(session.SubjectId) is not { TwoFactorEnabled: true };

    /// <summary>Whether the authorization request a sign-in continues (its return URL) asks for the multi-factor <c>acr</c>.</summary>
    public bool WantsMultiFactorFor(string? returnUrl) =>
        returnUrl is { } url && url.IndexOf('?', StringComparison.Ordinal) is var query and >= 0
        && QueryHelpers.ParseQuery(url[query..]).TryGetValue("acr_values", out var values) && WantsMultiFactor(values.ToString());

    private bool WantsMultiFactor(string? acrValues) =>
        acrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(options.Value.MultiFactor, StringComparer.Ordinal) == true;
}
