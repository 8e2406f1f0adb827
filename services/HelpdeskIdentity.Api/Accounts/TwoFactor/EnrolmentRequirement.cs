using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Organizations;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>
/// The second-factor policy (docs/decisions/0040): whether an account must still set one up — an authenticator app or a
/// passkey — before it may reach a client. Nothing is read when the policy asks nothing of anyone.
/// </summary>
public sealed class EnrolmentRequirement(IOptions<AccountOptions> options, OrganizationStore organizations, IPasskeyStore passkeys)
{
    private readonly HashSet<string> _requiredDomains = RegistrationRules.Domains(options.Value.TwoFactor.RequiredForOrganizations);

    /// <summary>Whether the policy requires anything of anyone (else <see cref="MustEnrolAsync"/> is always false).</summary>
    public bool Active => options.Value.TwoFactor.Policy == TwoFactorPolicy.Required || _requiredDomains.Count > 0;

    public async Task<bool> MustEnrolAsync(Account account, CancellationToken cancellationToken) =>
        Active && !account.TwoFactorEnabled && await RequiredOfAsync(account, cancellationToken)
        && (await passkeys.ListAsync(account.Id, cancellationToken)).Count == 0;

    /// <summary>
    /// Whether the policy requires a second factor of this account and its only one is a passkey: the second step knows
    /// only the authenticator app, so such a person must sign in with the passkey itself, never with a password or an
    /// e-mailed code alone.
    /// </summary>
    public async Task<bool> MustUsePasskeyAsync(Account account, CancellationToken cancellationToken) =>
        Active && !account.TwoFactorEnabled && await RequiredOfAsync(account, cancellationToken)
        && (await passkeys.ListAsync(account.Id, cancellationToken)).Count > 0;

    private async Task<bool> RequiredOfAsync(Account account, CancellationToken cancellationToken) =>
        options.Value.TwoFactor.Policy == TwoFactorPolicy.Required
        || (account.OrganizationId is { } organizationId
            && await organizations.FindAsync(organizationId, cancellationToken) is { } organization
            && organization.Domains.Any(_requiredDomains.Contains));
}
