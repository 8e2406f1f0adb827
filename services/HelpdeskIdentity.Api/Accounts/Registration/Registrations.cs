using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Telemetry;
using HelpdeskIdentity.Oidc.Grants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// Uses a verification link, in one transaction: the link is spent (and the address's other links voided); the
/// rules are asked again (the mode may have changed since the e-mail); the organisation of the domain is joined, or
/// created when none owns it (never for a public provider); the account is created verified — the link proved the
/// mailbox — with the password (the policy validator runs) and the page's language. A refused password rolls all of
/// it back, so the link still works.
/// </summary>
public sealed partial class Registrations(
    UserManager<Account> users, HelpdeskDbContext db, RegistrationStore store, RegistrationPolicy policy, AuditTrail audit, TimeProvider clock,
    ILogger<Registrations> logger)
{
    /// <summary>The link a handle opens while it still works; null for a malformed, unknown, expired, used or voided one.</summary>
    public Task<RegistrationLink?> FindAsync(string? handle, CancellationToken cancellationToken) =>
        LinkHandles.HashOf(handle) is { } hash
            ? store.FindUsableAsync(hash, clock.GetUtcNow(), cancellationToken)
            : Task.FromResult<RegistrationLink?>(null);

    public async Task<RegistrationResult> CompleteAsync(RegistrationLink link, string password, CancellationToken cancellationToken)
    {
        if (MailboxParser.Parse(link.Email).Mailbox is not { } address)
        {
            return RegistrationResult.Of(RegistrationOutcome.LinkInvalid);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (!await store.ConsumeAsync(connection, link.TokenHash, now, cancellationToken))
        {
            return RegistrationResult.Of(RegistrationOutcome.LinkInvalid);
        }

        if (await users.FindByEmailAsync(address.Address) is not null)
        {
            return RegistrationResult.Of(RegistrationOutcome.AccountExists);
        }

        var (verdict, organization) = await policy.DecideAsync(connection, address, cancellationToken);
        if (verdict != RegistrationVerdict.Allowed)
        {
            return RegistrationResult.Of(RegistrationOutcome.NotAllowed);
        }

        var account = new Account
        {
            Id = Guid.CreateVersion7(now),
            UserName = address.Address,
            Email = address.DisplayAddress,
            EmailConfirmed = true,
            DisplayName = link.DisplayName,
            OrganizationId = organization?.Id ?? (policy.FormsOrganization(address)
                ? await store.FindOrCreateOrganizationAsync(connection, address.Domain, now, cancellationToken)
                : null),
            CreatedAt = now,
            Language = Languages.Current,
        };

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(account, password);
        }
        catch (DbUpdateException)
        {
            // A ticket created the same address between the look-up above and the insert.
            return RegistrationResult.Of(RegistrationOutcome.AccountExists);
        }

        if (!created.Succeeded)
        {
            return RegistrationResult.Refused(created.Errors.Select(e => e.Description));
        }

        await audit.RecordAsync(new(AuditEventTypes.AccountCreated, account.Id, Detail: "registration"), connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        HelpdeskTelemetry.AccountsCreated.Add(1, new KeyValuePair<string, object?>("source", "registration"));
        LogRegistered(account.Id, account.OrganizationId);
        return RegistrationResult.Created(account.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} registered itself (organisation {OrganizationId})")]
    private partial void LogRegistered(Guid accountId, Guid? organizationId);
}
