using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>Once an hour, deletes passkey ceremonies that were started and never finished (an expired one answers nothing).</summary>
internal sealed class PasskeyCeremonyPruner(IPasskeyStore store, TimeProvider clock, ILogger<PasskeyCeremonyPruner> logger) : HourlyPruner(clock, logger)
{
    protected override string What => "expired passkey ceremonies";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) => store.PruneCeremoniesAsync(Clock.GetUtcNow(), cancellationToken);
}
