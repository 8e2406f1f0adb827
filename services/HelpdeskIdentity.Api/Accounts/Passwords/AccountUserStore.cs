using HelpdeskIdentity.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// Identity's EF user store, which also records each new password hash in <c>password_history</c> when the
/// legacy preset keeps history. Every UserManager path that sets a password (CreateAsync with a password,
/// AddPasswordAsync, ChangePasswordAsync, ResetPasswordAsync) goes through <see cref="SetPasswordHashAsync"/>,
/// and the row is saved in the same SaveChanges as the account, so no flow can forget it. Entries beyond the
/// configured count are deleted in that same save. Second-factor secrets are kept only protected or hashed
/// (AccountUserStore.TwoFactor.cs).
/// </summary>
public sealed partial class AccountUserStore(
    HelpdeskDbContext context, IOptions<PasswordPolicyOptions> options, TimeProvider clock, IDataProtectionProvider protection,
    IdentityErrorDescriber? describer = null)
    : UserOnlyStore<Account, HelpdeskDbContext, Guid>(context, describer)
{
    public override async Task SetPasswordHashAsync(Account user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
        var keep = options.Value.EffectiveHistoryCount;
        if (passwordHash is null || keep == 0)
        {
            return;
        }

        var history = Context.PasswordHistory;
        var older = await history.Where(h => h.AccountId == user.Id).OrderByDescending(h => h.Id).Skip(keep - 1)
            .ToListAsync(cancellationToken);
        history.RemoveRange(older);
        history.Add(new PasswordHistoryEntry { AccountId = user.Id, PasswordHash = passwordHash, CreatedAt = clock.GetUtcNow() });
    }
}
