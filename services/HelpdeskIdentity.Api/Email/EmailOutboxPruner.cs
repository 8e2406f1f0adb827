using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>Once an hour, deletes the rows of e-mails sent or given up on longer ago than <c>Email:Retention</c>.</summary>
internal sealed class EmailOutboxPruner(EmailOutboxStore store, IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailOutboxPruner> logger)
    : HourlyPruner(clock, logger)
{
    protected override string What => "sent or failed e-mails past their retention";

    public override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.PruneAsync(Clock.GetUtcNow() - options.Value.Retention, cancellationToken);
}
