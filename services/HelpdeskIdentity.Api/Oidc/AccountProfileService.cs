using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.Extensions.Options;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>
/// The claims of an account for ID tokens and userinfo, by scope: <c>profile</c> → <c>name</c>;
/// <c>email</c> → <c>email</c>, <c>email_verified</c>; <c>organization</c> → <c>organization</c>
/// (<c>{ id, name, domain }</c>: <c>domain</c> is the organisation's domain the address is at, lower-case ASCII;
/// the claim is absent for a public mail provider's address) — docs/decisions/0017.
/// </summary>
internal sealed class AccountProfileService(IServiceScopeFactory scopes, IOptions<AcrOptions> acr) : IProfileService
{
    /// <summary>RFC 8176 <c>amr</c> as the session recorded it (Sessions/AuthenticationMethods), and the <c>acr</c> it earns (docs/decisions/0038).</summary>
    public IReadOnlyDictionary<string, object> AuthenticationClaims(IReadOnlyList<string> methods) =>
        new Dictionary<string, object> { ["amr"] = methods.ToArray(), ["acr"] = acr.Value.For(methods) };

    public async Task<IReadOnlyDictionary<string, object>?> GetClaimsAsync(string subjectId, IReadOnlyCollection<string> requested, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subjectId, out var id))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        // An account an operator disabled or locked gets no tokens: no code, no refresh, no userinfo (docs/decisions/0055).
        // A lockout after failed attempts guards the password, not the sessions the owner already has: they go on.
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.DisabledAt == null && (u.LockoutEnd == null || u.LockoutEnd < Account.LockedForever))
            .Select(u => new { u.Email, u.NormalizedEmail, u.EmailConfirmed, u.DisplayName, u.OrganizationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var claims = new Dictionary<string, object>();
        if (requested.Contains(StandardScopes.Profile))
        {
            claims["name"] = account.DisplayName ?? account.Email ?? "";
        }

        if (requested.Contains(StandardScopes.Email) && account.Email is not null)
        {
            claims["email"] = account.Email;
            claims["email_verified"] = account.EmailConfirmed;
        }

        if (requested.Contains(StandardScopes.Organization) && account.OrganizationId is { } organizationId)
        {
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
                .Select(o => new { o.Name, Domains = o.Domains.OrderBy(d => d.Domain).Select(d => d.Domain).ToList() })
                .SingleAsync(cancellationToken);
            // The organisation's domain this person writes from; for an address outside its domains, the first one.
            var ownDomain = account.NormalizedEmail?[(account.NormalizedEmail.LastIndexOf('@') + 1)..];
            claims["organization"] = new Dictionary<string, object?>
            {
                ["id"] = organizationId.ToString(),
                ["name"] = organization.Name,
                ["domain"] = organization.Domains.Contains(ownDomain ?? "") ? ownDomain : organization.Domains.FirstOrDefault(),
            };
        }

        return claims;
    }
}
