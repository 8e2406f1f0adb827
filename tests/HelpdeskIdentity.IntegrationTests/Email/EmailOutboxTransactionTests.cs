using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>An e-mail exists if and only if what caused it commits.</summary>
public sealed class EmailOutboxTransactionTests(LocalServers servers) : IAsyncLifetime
{
    private IdentityHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await new IdentityHost(await servers.NewEnvironmentAsync("email_tx")).StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task EnqueueInEfTransaction_RolledBack_NoEmailSent()
    {
        var message = Outbox.Message("tx-rollback");

        await InEfTransactionAsync(message, commit: false);

        // No row, so nothing for the dispatcher to send, ever: it sends outbox rows only.
        (await _host.QueryAsync(db => db.EmailOutbox.CountAsync(e => e.IdempotencyKey == message.IdempotencyKey))).ShouldBe(0);
        Mails().ShouldBeEmpty();
    }

    [Fact]
    public async Task EnqueueInEfTransaction_Committed_SentOnceWithWhatCausedIt()
    {
        var message = Outbox.Message("tx-commit");

        var id = await InEfTransactionAsync(message, commit: true);

        await _host.WaitForStatusAsync(id, EmailStatus.Sent);
        Mails().ShouldContain(f => f.EndsWith($"-{id}.eml", StringComparison.Ordinal));
        (await _host.QueryAsync(db => db.Organizations.CountAsync(o => o.Name == message.IdempotencyKey))).ShouldBe(1);
    }

    [Fact]
    public async Task SameIdempotencyKey_EnqueuedTwice_OneEmail()
    {
        var message = Outbox.Message("tx-twice");

        var first = await _host.EnqueueAsync(message);
        var second = await _host.EnqueueAsync(message);

        second.ShouldBe(first);
        await _host.WaitForStatusAsync(first, EmailStatus.Sent);
        Mails().Count(f => f.EndsWith($"-{first}.eml", StringComparison.Ordinal)).ShouldBe(1);
    }

    private string[] Mails() => Directory.Exists(_host.PickupDirectory) ? Directory.GetFiles(_host.PickupDirectory, "*.eml") : [];

    /// <summary>Creates an organisation (what caused the mail) and enqueues the mail in one EF transaction.</summary>
    private async Task<Guid> InEfTransactionAsync(EmailMessage message, bool commit)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        db.Organizations.Add(new Organization { Id = Guid.NewGuid(), Name = message.IdempotencyKey, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var id = await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(message, db, TestContext.Current.CancellationToken);
        if (commit)
        {
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        return id;
    }
}
