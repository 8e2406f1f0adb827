using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Accounts.SelfService;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Once an hour, deletes expired sign-in codes, and set-password, registration and e-mail change links that were used, voided or expired longer ago than
/// <c>Accounts:LinkRetention</c> (the sibling of the OIDC GrantPruner). A live link is never touched.
/// </summary>
internal sealed class AccountLinkPruner(
    PasswordResetStore passwordLinks, RegistrationStore registrationLinks, EmailChangeStore emailLinks, SignInCodeStore signInCodes, IOptions<AccountOptions> options, TimeProvider clock,
    ILogger<AccountLinkPruner> logger) : HourlyPruner(clock, logger)
{
    protected override string What => "used, voided or expired set-password, registration and e-mail change links and sign-in codes";

    public override async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow() - options.Value.LinkRetention;
        return await passwordLinks.PruneAsync(cutoff, cancellationToken)
            + await registrationLinks.PruneAsync(cutoff, cancellationToken)
            + await emailLinks.PruneAsync(cutoff, cancellationToken)
            + await signInCodes.PruneAsync(Clock.GetUtcNow(), cancellationToken); // an expired code is of no use to anyone
    }
}
