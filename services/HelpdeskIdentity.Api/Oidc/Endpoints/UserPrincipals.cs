using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Sessions;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// What OpenIddict signs for a person: built from the browser session at the authorization endpoint, and rebuilt
/// from the code or refresh token at the token endpoint with the account's current profile (a disabled, operator-locked or deleted
/// account gets nothing). <c>sub</c>, <c>sid</c>, <c>auth_time</c>, <c>amr</c> and <c>acr</c> travel with the grant,
/// so an ID token from a refresh tells the client the same as the first one.
/// </summary>
internal sealed class UserPrincipals(IProfileService profiles, IOptions<OidcOptions> options, TimeProvider clock)
{
    private static readonly string[] ProfileClaims = [Claims.Name, Claims.Email, Claims.EmailVerified, "organization"];

    /// <summary>
    /// The grant of an authorization request: for the resources it named (RFC 8707 §2.1, checked by
    /// ResourceIndicators/ResourcesOfTheAskedScopes), or without any, for all audiences of its scopes.
    /// </summary>
    public async Task<ClaimsPrincipal?> ForSessionAsync(UserSession session, ImmutableArray<string> scopes, ImmutableArray<string> resources, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(authenticationType: "HelpdeskIdentity", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, session.SubjectId)
            .SetClaim(ProtocolClaims.SessionId, session.SessionId)
            .SetClaim(Claims.AuthenticationTime, session.AuthenticatedAt.ToUnixTimeSeconds())
            .SetClaim(ProtocolClaims.RefreshChainEnds, (clock.GetUtcNow() + options.Value.RefreshTokenAbsoluteLifetime).ToUnixTimeSeconds());
        foreach (var (type, value) in profiles.AuthenticationClaims(session.Methods ?? []))
        {
            SetClaim(identity, type, value);
        }

        var principal = new ClaimsPrincipal(identity).SetScopes(scopes).SetResources(resources.IsDefaultOrEmpty ? Audiences(scopes) : resources);
        return await WithProfileAsync(principal, cancellationToken);
    }

    /// <summary>
    /// The grant a code or refresh token carries, with today's profile; null when the account can no longer sign in or
    /// the refresh chain reached its absolute end. A rotated refresh token lives no longer than the chain.
    /// </summary>
    public async Task<ClaimsPrincipal?> FromGrantAsync(ClaimsPrincipal granted, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(granted.Claims.Where(c => !ProfileClaims.Contains(c.Type)), "HelpdeskIdentity", Claims.Name, Claims.Role);
        var principal = new ClaimsPrincipal(identity);
        if (long.TryParse(principal.GetClaim(ProtocolClaims.RefreshChainEnds), out var ends))
        {
            var remaining = DateTimeOffset.FromUnixTimeSeconds(ends) - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            principal.SetRefreshTokenLifetime(new[] { remaining, options.Value.RefreshTokenSlidingLifetime }.Min());
        }

        return await WithProfileAsync(principal, cancellationToken);
    }

    private async Task<ClaimsPrincipal?> WithProfileAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetClaimsAsync(principal.GetClaim(Claims.Subject)!, principal.GetScopes(), cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var (type, value) in profile)
        {
            SetClaim(identity, type, value);
        }

        return principal.SetDestinations(DestinationsOf);
    }

    /// <summary>
    /// The APIs the scopes are for, and the provider itself (its userinfo endpoint) when <c>openid</c> was granted or
    /// nothing else was: userinfo accepts only tokens that name it (RFC 9068 <c>aud</c>).
    /// </summary>
    public IEnumerable<string> Audiences(IReadOnlyCollection<string> scopes)
    {
        var audiences = options.Value.ApiScopesAmong(scopes).Select(s => s.Audience).Distinct(StringComparer.Ordinal).ToList();
        if (audiences.Count == 0 || scopes.Contains(Scopes.OpenId))
        {
            audiences.Add(options.Value.Issuer);
        }

        return audiences;
    }

    private static void SetClaim(ClaimsIdentity identity, string type, object value)
    {
        switch (value)
        {
            case string text:
                identity.SetClaim(type, text);
                break;
            case bool flag:
                identity.SetClaim(type, flag);
                break;
            case string[] values:
                identity.SetClaims(type, new JsonArray(values.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>()));
                break;
            default:
                identity.SetClaim(type, JsonSerializer.SerializeToElement(value));
                break;
        }
    }

    /// <summary>
    /// Profile and sign-in claims go in the ID token (userinfo serves the profile to whoever holds an access token);
    /// access tokens carry only who and when (RFC 9068 §2.2). Private claims go nowhere but inside codes and refresh tokens.
    /// </summary>
    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.AuthenticationTime => [Destinations.AccessToken, Destinations.IdentityToken],
        ProtocolClaims.SessionId or Claims.AuthenticationMethodReference or Claims.AuthenticationContextReference => [Destinations.IdentityToken],
        Claims.Name or Claims.Email or Claims.EmailVerified or "organization" => [Destinations.IdentityToken],
        _ => [],
    };
}
