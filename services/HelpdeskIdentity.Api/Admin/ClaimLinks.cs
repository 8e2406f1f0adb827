using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// An operator's "send the claim link": the same forgot-password request the page writes (so the worker's rules, the
/// e-mail and the link are the same), counted in the page's own per-address window (<c>RateLimits:ForgotPasswordPerAddress</c>).
/// </summary>
public sealed class ClaimLinks(ForgotPasswordRequests requests, AuditTrail audit, RateLimitCounters counters, IOptions<RateLimitOptions> limits)
{

    /// <summary>False when the address has had its share of links for now.</summary>
    public async Task<bool> SendAsync(AccountView account, CancellationToken cancellationToken)
    {
        var address = MailboxLookupNormalizer.Normalize(account.Email ?? "");
        // The forgot-password page's per-address window, counted in PostgreSQL: shared by every instance and with the page.
        var rule = limits.Value.ForgotPasswordPerAddress;
        var (count, _) = await counters.IncrementAsync(RateLimitPartitionKeys.PerAddress(RateLimitedRequest.ForgotPassword, address), rule.Window, cancellationToken);
        if (count > rule.PermitLimit)
        {
            return false;
        }

        await requests.RecordAsync(address, null, account.Language, PasswordResetRequest.SetPasswordPurpose, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditEventTypes.AdminAction, account.Id, Detail: "claim_link"), cancellationToken);
        return true;
    }
}
