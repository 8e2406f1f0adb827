using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>The legacy preset through Identity's UserManager on the real database: history kept hashed, last N refused.</summary>
public sealed class PasswordHistoryTests(LegacyPolicyFixture fixture) : IClassFixture<LegacyPolicyFixture>
{
    [Fact]
    public async Task ChangePassword_ToOneOfTheLastN_IsRefused_ToAnOlderOne_IsAccepted()
    {
        var account = await fixture.CreateAccountAsync($"history@{Senders.UniqueDomain()}", "Forsta01");

        (await ChangeAsync(account.Id, "Forsta01", "Andra-02")).ShouldBeEmpty();
        (await ChangeAsync(account.Id, "Andra-02", "Tredje03")).ShouldBeEmpty();

        // History is now Forsta01, Andra-02, Tredje03 (the current one): all three refused.
        (await ChangeAsync(account.Id, "Tredje03", "Forsta01")).ShouldBe(["reused"]);
        (await ChangeAsync(account.Id, "Tredje03", "Tredje03")).ShouldBe(["reused"]);
        (await ChangeAsync(account.Id, "Tredje03", "Fjarde04")).ShouldBeEmpty();

        // Forsta01 has dropped out of the last three.
        (await ChangeAsync(account.Id, "Fjarde04", "Forsta01")).ShouldBeEmpty();
    }

    [Fact]
    public async Task History_KeepsOnlyTheLastNHashes_NeverThePasswords()
    {
        var account = await fixture.CreateAccountAsync($"hashed@{Senders.UniqueDomain()}", "Password-1");
        (await ChangeAsync(account.Id, "Password-1", "Password-2")).ShouldBeEmpty();
        (await ChangeAsync(account.Id, "Password-2", "Password-3")).ShouldBeEmpty();
        (await ChangeAsync(account.Id, "Password-3", "Password-4")).ShouldBeEmpty();

        var hashes = await fixture.Host.QueryAsync(db =>
            db.PasswordHistory.Where(h => h.AccountId == account.Id).OrderBy(h => h.Id).Select(h => h.PasswordHash).ToListAsync());
        var current = await fixture.Host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.PasswordHash).SingleAsync());

        hashes.Count.ShouldBe(LegacyPolicyFixture.HistoryCount);
        hashes[^1].ShouldBe(current);
        hashes.ShouldAllBe(h => !h.Contains("Password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LegacyRules_ApplyToEveryUserManagerPath()
    {
        var account = await fixture.CreateAccountAsync($"rules@{Senders.UniqueDomain()}", "Sommar24");

        (await ChangeAsync(account.Id, "Sommar24", "sommar25")).ShouldBe(["character-classes"]);
        (await ChangeAsync(account.Id, "Sommar24", "Sjön2024")).ShouldBe(["forbidden-character"]);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var user = (await users.FindByIdAsync(account.Id.ToString()))!;
        (await users.RemovePasswordAsync(user)).Succeeded.ShouldBeTrue();
        (await users.AddPasswordAsync(user, "Sommar24")).Errors.Select(e => e.Code).ShouldBe(["reused"]);
        (await users.AddPasswordAsync(user, "Höst")).Errors.Select(e => e.Code).ShouldBe(["too-short", "character-classes", "forbidden-character"]);
        (await users.AddPasswordAsync(user, "Vinter-25")).Succeeded.ShouldBeTrue();
    }

    private async Task<string[]> ChangeAsync(Guid accountId, string current, string next)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = (await users.FindByIdAsync(accountId.ToString()))!;
        var result = await users.ChangePasswordAsync(account, current, next);
        return [.. result.Errors.Select(e => e.Code)];
    }
}
