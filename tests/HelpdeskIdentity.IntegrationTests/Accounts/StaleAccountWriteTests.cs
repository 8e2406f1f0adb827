using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>
/// Identity saves an account by writing every column of the row it read. The columns that only their own UPDATEs
/// write — the last authenticator code used, the second factor's failed attempts, the ticket count — must survive a
/// save of a copy read before those UPDATEs (a sign-in in flight, a language switch), or a used code would work again,
/// a guesser's attempts would be forgotten, and tickets would go uncounted (docs/decisions/0062).
/// </summary>
public sealed class StaleAccountWriteTests(PasswordResetFixture fixture) : IClassFixture<PasswordResetFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ColumnsWrittenByTheirOwnUpdates_SurviveASaveOfACopyReadBeforeThem()
    {
        var (email, key, _) = await TwoFactorSteps.AccountWithTwoFactorAsync(_host, "stale");
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Api.Accounts.Account>>();
        var readBefore = (await users.FindByEmailAsync(email)).ShouldNotBeNull();

        var used = await Totp.NextCodeAsync(key);
        using (var owner = new BrowserClient(_host))
        {
            using var signedIn = await owner.SubmitFormAsync(await TwoFactorSteps.PasswordAsync(owner, email), new Dictionary<string, string> { ["Code"] = used });
            CodeFlow.Location(signedIn).ShouldBe("/");
        }

        using var guesser = new BrowserClient(_host);
        var step = await TwoFactorSteps.PasswordAsync(guesser, email);
        using (await guesser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = used == "000000" ? "000001" : "000000" }))
        {
        }

        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email));
        await Eventually.HoldsAsync(async () => await RowAsync(email) is { TicketCount: 1 }, "the ticket was counted");

        readBefore.Language = "de";
        (await users.UpdateAsync(readBefore)).Succeeded.ShouldBeTrue();

        var row = await RowAsync(email);
        row.Language.ShouldBe("de", "the save itself went through");
        row.TicketCount.ShouldBe(1, "the ticket counted meanwhile is not written back to 0");
        row.SecondFactorFailedCount.ShouldBe(1, "the guess counted meanwhile is not forgotten");
        using var replay = await guesser.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = used });
        (await replay.Content.ReadAsStringAsync(Cancellation)).ShouldContain(TwoFactorText.CodeWrong, customMessage: "the code used meanwhile stays used");
    }

    private Task<Api.Accounts.Account> RowAsync(string email) =>
        _host.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email, Cancellation));
}
