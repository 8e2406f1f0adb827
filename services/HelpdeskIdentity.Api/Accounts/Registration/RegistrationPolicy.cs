using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Organizations;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// Whether an address may register itself now: never one intake skips (<see cref="SenderFilter"/>); otherwise
/// <see cref="RegistrationRules"/> over the public list and the organisations in the database.
/// </summary>
public sealed class RegistrationPolicy(RegistrationStore store, PublicMailDomains publicMailDomains, SenderFilter senderFilter, RegistrationRules rules)
{
    /// <summary>The verdict for the address, and the organisation that owns its domain exactly (null when none does).</summary>
    public async Task<(RegistrationVerdict Verdict, OrganizationMatch? Organization)> DecideAsync(
        NpgsqlConnection connection, MailboxAddress address, CancellationToken cancellationToken)
    {
        if (senderFilter.SkipReason(address) is not null)
        {
            return (RegistrationVerdict.NotAPerson, null);
        }

        var organization = await store.FindOrganizationAsync(connection, address.Domain, cancellationToken);
        return (rules.Decide(publicMailDomains.IsPublic(address.Domain), organization?.Domains, organization?.SelfRegistration), organization);
    }

    /// <summary>Whether a new account at this domain forms (or joins) an organisation: every domain but a public provider's.</summary>
    public bool FormsOrganization(MailboxAddress address) => !publicMailDomains.IsPublic(address.Domain);
}
