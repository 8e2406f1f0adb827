using System.Net;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static HelpdeskIdentity.IntegrationTests.Accounts.SelfServiceFixture;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>Spent set-password, registration and e-mail change links are deleted after <c>Accounts:LinkRetention</c>; live ones stay.</summary>
public sealed class AccountLinkPrunerTests(LocalServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prune_AfterTheRetention_DeletesUsedVoidedAndExpiredLinks_AndKeepsLiveOnes()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("link_pruning"), Configure(new Dictionary<string, string?>
        {
            ["Accounts:PasswordReset:LinkLifetime"] = "00:30:00",
            ["Accounts:EmailChange:LinkLifetime"] = "00:30:00",
            ["Accounts:LinkRetention"] = "01:00:00",
        })) { Clock = clock }.StartAsync();
        await host.StartUpPruneDoneAsync<AccountLinkPruner>();
        var (used, expired, mover, keeper) = ($"used@{Senders.UniqueDomain()}", $"expired@{Senders.UniqueDomain()}",
            $"mover@{Senders.UniqueDomain()}", $"keeper@{Senders.UniqueDomain()}");
        foreach (var email in new[] { used, expired, mover, keeper })
        {
            await host.CreateAccountAsync(email, OldPassword);
        }

        var voidedLink = await SetPasswordLinkAsync(host, used);
        var usedLink = await SetPasswordLinkAsync(host, used);
        using (var reset = await new BrowserClient(host).SubmitFormAsync(usedLink, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }))
        {
            CodeFlow.Location(reset).ShouldBe("/");
        }

        await SetPasswordLinkAsync(host, expired);
        using (var moverBrowser = await SignedInAsync(host, mover, OldPassword))
        {
            await EmailChangeLinkAsync(host, moverBrowser, $"voided@{Senders.UniqueDomain()}");
            var moved = $"moved@{Senders.UniqueDomain()}";
            using var confirmed = await moverBrowser.SubmitFormAsync(await EmailChangeLinkAsync(host, moverBrowser, moved), new Dictionary<string, string>());
            confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        clock.Advance(TimeSpan.FromHours(2));
        var liveReset = await SetPasswordLinkAsync(host, keeper);
        using var keeperBrowser = await SignedInAsync(host, keeper, OldPassword);
        var liveChange = await EmailChangeLinkAsync(host, keeperBrowser, $"kept@{Senders.UniqueDomain()}");
        (await Counts(host)).ShouldBe((4, 3), "before pruning: 3 set-password and 2 e-mail change links spent or expired, 1 live of each");

        var pruned = await host.Services.GetRequiredService<AccountLinkPruner>().PruneAsync(Cancellation);

        pruned.ShouldBe(5);
        (await Counts(host)).ShouldBe((1, 1));
        (await new BrowserClient(host).GetPageAsync(liveReset)).ShouldContain(keeper, customMessage: "the live set-password link still works");
        (await keeperBrowser.GetPageAsync(liveChange)).ShouldContain("kept@", customMessage: "the live e-mail change link still works");
        using var gone = await new BrowserClient(host).GetAsync(voidedLink);
        gone.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Prune_AfterTheRetention_DeletesSpentAndExpiredRegistrationLinks_AndKeepsLiveOnes()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("registration_link_pruning"), Configure(new Dictionary<string, string?>
        {
            ["Accounts:LinkRetention"] = "01:00:00",
        })) { Clock = clock }.StartAsync();
        await host.StartUpPruneDoneAsync<AccountLinkPruner>(); // else it may take the due links first, and the call below finds none
        var now = clock.GetUtcNow();
        var (live, _) = await AddRegistrationLinkAsync(host, $"live@{Senders.UniqueDomain()}", now, now.AddDays(1), consumed: null);
        await AddRegistrationLinkAsync(host, $"used@{Senders.UniqueDomain()}", now.AddHours(-3), now.AddDays(1), consumed: now.AddHours(-2));
        await AddRegistrationLinkAsync(host, $"expired@{Senders.UniqueDomain()}", now.AddDays(-2), now.AddHours(-2), consumed: null);
        await AddRegistrationLinkAsync(host, $"recent@{Senders.UniqueDomain()}", now.AddMinutes(-40), now.AddDays(1), consumed: now.AddMinutes(-30));

        var pruned = await host.Services.GetRequiredService<AccountLinkPruner>().PruneAsync(Cancellation);

        pruned.ShouldBe(2, "the link used two hours ago and the one expired two hours ago; the one used 30 minutes ago is kept for now");
        (await host.QueryAsync(db => db.RegistrationTokens.CountAsync())).ShouldBe(2);
        (await new BrowserClient(host).GetPageAsync($"/account/register/confirm?token={live}")).ShouldContain("live@", customMessage: "the live link still works");
    }

    private static async Task<(string Handle, string Hash)> AddRegistrationLinkAsync(
        IdentityHost host, string email, DateTimeOffset created, DateTimeOffset expires, DateTimeOffset? consumed)
    {
        var link = LinkHandles.New();
        await host.QueryAsync(async db =>
        {
            db.RegistrationTokens.Add(new HelpdeskIdentity.Api.Accounts.Registration.RegistrationTokenRecord
            {
                TokenHash = link.Hash, Email = email, DisplayName = "Piet", CreatedAt = created, ExpiresAt = expires, ConsumedAt = consumed,
            });
            return await db.SaveChangesAsync();
        });
        return link;
    }

    private static Task<(int PasswordLinks, int EmailChangeLinks)> Counts(IdentityHost host) =>
        host.QueryAsync(async db => (await db.PasswordResetTokens.CountAsync(), await db.EmailChangeTokens.CountAsync()));

    private static async Task<string> EmailChangeLinkAsync(IdentityHost host, BrowserClient browser, string newEmail)
    {
        using var asked = await browser.SubmitFormAsync("/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = OldPassword,
        });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = (await Mailbox.WaitForAsync(host, newEmail, Subject("Confirm your new e-mail address"))).ShouldHaveSingleItem();
        return Mailbox.LinksTo(mail, "/account/confirm-email").ShouldHaveSingleItem();
    }
}
