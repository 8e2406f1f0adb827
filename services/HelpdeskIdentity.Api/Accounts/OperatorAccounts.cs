using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Accounts an operator creates on someone's behalf: claimed (with a password) and verified, because
/// the operator vouches for the mailbox (docs/decisions/0007). Joins the organisation that already owns
/// the address's domain, if any.
/// </summary>
public sealed class OperatorAccounts(UserManager<Account> users, HelpdeskDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<OperatorAccountResult> CreateAsync(string email, string? displayName, string password)
    {
        var parsed = MailboxParser.Parse(email);
        if (parsed.Mailbox is not { } mailbox)
        {
            return OperatorAccountResult.Refused($"Not a valid e-mail address: {parsed.Message}");
        }

        if (LookalikeDomains.Refusal(mailbox) is not null)
        {
            return OperatorAccountResult.Refused("A look-alike address: it mixes scripts or holds a symbol (the rule of every path in).");
        }

        if (await users.FindByEmailAsync(mailbox.Address) is { } existing)
        {
            return OperatorAccountResult.Refused($"An account for this address already exists (id {existing.Id}).");
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? mailbox.DisplayName : displayName.Trim();
        if (name is not null && !PersonName.IsAcceptable(name))
        {
            return OperatorAccountResult.Refused("Not a plain name: no control or invisible formatting characters, addresses or links.");
        }

        var now = clock.GetUtcNow();
        var account = new Account
        {
            Id = Guid.CreateVersion7(now),
            UserName = mailbox.Address,
            Email = mailbox.DisplayAddress,
            EmailConfirmed = true,
            DisplayName = name,
            OrganizationId = await db.OrganizationDomains.Where(d => d.Domain == mailbox.Domain)
                .Select(d => (Guid?)d.OrganizationId).SingleOrDefaultAsync(),
            CreatedAt = now,
        };

        IdentityResult result;
        try
        {
            result = await users.CreateAsync(account, password);
        }
        catch (DbUpdateException)
        {
            // Intake created the same address between the check above and the insert.
            return OperatorAccountResult.Refused("An account for this address already exists.");
        }

        if (!result.Succeeded)
        {
            return OperatorAccountResult.Refused([.. result.Errors.Select(e => e.Description)]);
        }

        await audit.RecordAsync(new(AuditEventTypes.AccountCreated, account.Id, Detail: "operator"), CancellationToken.None);
        return OperatorAccountResult.Created(account);
    }
}
