using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>Enqueueing e-mails the way a flow will, and reading their rows back.</summary>
public static class Outbox
{
    public static EmailMessage Message(string category, string to = "jan@example.nl") => new(
        to, "Jan Jansen", $"Claim your account ({category})",
        "<p>Hello Jan, <a href=\"https://id.helpdesk.test/account/claim?token=abc\">claim your account</a>.</p>",
        "Hello Jan,\n\nclaim your account: https://id.helpdesk.test/account/claim?token=abc&x=1\n",
        $"{category}:{Guid.NewGuid()}", category);

    /// <summary>Enqueues in a transaction of its own and commits it.</summary>
    public static async Task<Guid> EnqueueAsync(this IdentityHost host, EmailMessage message)
    {
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await host.Services.GetRequiredService<IEmailOutbox>().EnqueueAsync(message, connection, transaction, CancellationToken.None);
        await transaction.CommitAsync();
        return id;
    }

    public static Task<EmailOutboxEntry?> RowAsync(this IdentityHost host, Guid id) =>
        host.QueryAsync(db => db.EmailOutbox.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id));

    public static Task WaitForStatusAsync(this IdentityHost host, Guid id, string status, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () => (await host.RowAsync(id))?.Status == status, $"e-mail {id} {status}", timeout);
}
