using System.Threading.RateLimiting;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// An operator's "send the claim link": the same forgot-password request the page writes (so the worker's rules, the
/// e-mail and the link are the same), limited per address by <c>RateLimits:ForgotPasswordPerAddress</c> like the page.
/// </summary>
public sealed class ClaimLinks(IPasswordResetStore store, PasswordResetSignal signal, AuditTrail audit, IOptions<RateLimitOptions> limits, TimeProvider clock)
    : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.Value.ForgotPasswordPerAddress.PermitLimit,
            Window = limits.Value.ForgotPasswordPerAddress.Window,
        }));

    /// <summary>False when the address has had its share of links for now.</summary>
    public async Task<bool> SendAsync(AccountView account, CancellationToken cancellationToken)
    {
        var address = MailboxLookupNormalizer.Normalize(account.Email ?? "");
        using var lease = _perAddress.AttemptAcquire(address);
        if (!lease.IsAcquired)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await store.AddRequestAsync(new PasswordResetRequest(Guid.CreateVersion7(now), address, null, account.Language), now, cancellationToken);
        signal.Notify();
        await audit.RecordAsync(new AuditEntry(AuditEventTypes.AdminAction, account.Id, Detail: "claim_link"), cancellationToken);
        return true;
    }

    public void Dispose() => _perAddress.Dispose();
}
