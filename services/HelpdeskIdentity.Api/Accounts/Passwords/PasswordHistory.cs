using HelpdeskIdentity.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>Checks a password against the recorded hashes with Identity's own hasher; plaintext is never stored.</summary>
public sealed class PasswordHistory(HelpdeskDbContext db, IPasswordHasher<Account> hasher) : IPasswordHistory
{
    public async Task<bool> WasRecentlyUsedAsync(Guid accountId, string password, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return false;
        }

        var hashes = await db.PasswordHistory.AsNoTracking()
            .Where(h => h.AccountId == accountId)
            .OrderByDescending(h => h.Id)
            .Take(count)
            .Select(h => h.PasswordHash)
            .ToListAsync(cancellationToken);
        var account = new Account { Id = accountId };
        return hashes.Any(hash => hasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed);
    }
}
