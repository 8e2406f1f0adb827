using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Identity;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>The account this browser's session belongs to, for the account pages.</summary>
public sealed class SignedInAccounts(IUserSession session, UserManager<Account> users)
{
    /// <summary>The account, or null when no one is signed in (or the account is gone).</summary>
    public async Task<Account?> FindAsync(HttpContext context) =>
        await session.GetCurrentAsync(context) is { } current ? await users.FindByIdAsync(current.SubjectId) : null;
}
