using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>Rows of sent e-mails (who got what, when) are deleted after <c>Email:Retention</c>; newer ones stay.</summary>
public sealed class EmailOutboxPrunerTests(LocalServers servers)
{
    [Fact]
    public async Task Prune_AfterTheRetention_DeletesOldSentEmails_AndKeepsRecentOnes()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("email_pruning"),
            new Dictionary<string, string?> { ["Email:Retention"] = "30.00:00:00" }) { Clock = clock }.StartAsync();
        await host.StartUpPruneDoneAsync<EmailOutboxPruner>(); // else, run late, it may take the aged row first
        var old = await host.EnqueueAsync(Outbox.Message("prune-old"));
        await host.WaitForStatusAsync(old, EmailStatus.Sent);

        clock.Advance(TimeSpan.FromDays(31));
        var recent = await host.EnqueueAsync(Outbox.Message("prune-recent"));
        await host.WaitForStatusAsync(recent, EmailStatus.Sent);
        var pruned = await host.Services.GetRequiredService<EmailOutboxPruner>().PruneAsync(TestContext.Current.CancellationToken);

        pruned.ShouldBe(1);
        (await host.RowAsync(old)).ShouldBeNull("sent 31 days ago: past the 30-day retention");
        (await host.RowAsync(recent)).ShouldNotBeNull().Status.ShouldBe(EmailStatus.Sent);
    }
}
