using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Data;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Once an hour, deletes set-password, registration and e-mail change links that were used, voided or expired longer ago than
/// <c>Accounts:LinkRetention</c> (the sibling of the OIDC GrantPruner). A live link is never touched.
/// </summary>
internal sealed class AccountLinkPruner(
    IPasswordResetStore passwordLinks, IRegistrationStore registrationLinks, IEmailChangeStore emailLinks, IOptions<AccountOptions> options, TimeProvider clock,
    ILogger<AccountLinkPruner> logger) : HourlyPruner(clock, logger)
{
    protected override string What => "used, voided or expired set-password, registration and e-mail change links";

    public override async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow() - options.Value.LinkRetention;
        return await passwordLinks.PruneAsync(cutoff, cancellationToken)
            + await registrationLinks.PruneAsync(cutoff, cancellationToken)
            + await emailLinks.PruneAsync(cutoff, cancellationToken);
    }
}
