using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Admin;

/// <summary>
/// An operator's lock and disable hold on every way in (docs/decisions/0055): an e-mailed code, a set-password link and
/// the token endpoint, not only the password and the passkey.
/// </summary>
public sealed partial class AccountHoldTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string Password = AdminFixture.Password;
    private const string NewPassword = SelfServiceFixture.NewPassword;
    private IdentityHost Host => fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string NewAddress() => $"held-{Guid.NewGuid():N}@example.org";

    [Theory]
    [InlineData("lock")]
    [InlineData("disable")]
    public async Task RightCodeMailedBeforeTheHold_AnsweredAsAWrongCode_NoSessionAndNoAuthorizationCode(string hold)
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(Host);
        var verifyUrl = await SignInCodeTests.RequestCodeAsync(browser, PagePaths.SignInCode, email);
        var code = await SignInCodeTests.CodeAsync(Host, email);
        var wrongCode = code == "000000" ? "000001" : "000000";
        string wrongAnswer;
        using (var wrong = await browser.SubmitFormAsync(verifyUrl, Code(email, wrongCode)))
        {
            wrongAnswer = Comparable(await wrong.Content.ReadAsStringAsync(Cancellation), wrongCode);
        }

        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/{hold}")).Dispose();
        using var right = await browser.SubmitFormAsync(verifyUrl, Code(email, code));

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        BrowserClient.SetCookie(right, SessionCookie.CookieName).ShouldBeNull();
        var answer = await right.Content.ReadAsStringAsync(Cancellation);
        answer.ShouldContain(SignInCodeText.CodeWrong);
        Comparable(answer, code).ShouldBe(wrongAnswer, "the same page as a wrong code: the account's state is not told");
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
        using var authorize = await browser.GetAsync(new CodeFlow(browser).AuthorizeUrl());
        CodeFlow.Location(authorize).ShouldStartWith("/account/login?", customMessage: "no session, so no authorization code");
    }

    [Fact]
    public async Task LockWhileAWrongPasswordIsBeingCounted_TheStaleWriteFails_TheOperatorsLockStays()
    {
        var account = await fixture.CreateAccountAsync(NewAddress(), Password);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Api.Accounts.Account>>();
        var inFlight = (await users.FindByIdAsync(account.Id.ToString())).ShouldNotBeNull(); // read by a sign-in before the lock

        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/lock")).Dispose();
        var results = new List<IdentityResult>();
        while (inFlight.LockoutEnd is null && results.Count < 100)
        {
            results.Add(await users.AccessFailedAsync(inFlight)); // wrong passwords counted on that row, up to a short lockout
        }

        results.ShouldNotBeEmpty();
        results.ShouldAllBe(r => !r.Succeeded, "each write of the row read before the lock is refused");
        var stored = await Host.QueryAsync(db => db.Users.Where(u => u.Id == account.Id)
            .Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync(Cancellation));
        stored.LockoutEnd.ShouldBe(Api.Accounts.Account.LockedForever, "the operator's lock is not shortened to a lockout's end");
        stored.AccessFailedCount.ShouldBe(0);
    }

    [Fact]
    public async Task ResetLinkSpentAfterAnOperatorLockedAndUnlockedMeanwhile_SetsThePassword_NotAServerError()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, Password);
        var handle = Accounts.Passkeys.PasskeySteps.Token(await SelfServiceFixture.SetPasswordLinkAsync(Host, email));
        await using var scope = Host.Services.CreateAsyncScope();
        var link = (await scope.ServiceProvider.GetRequiredService<Api.Accounts.PasswordReset.PasswordResetTokens>().FindAsync(handle, Cancellation)).ShouldNotBeNull();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Api.Accounts.Account>>();
        (await users.FindByIdAsync(account.Id.ToString())).ShouldNotBeNull(); // the request's copy of the row, read before the operator acts

        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/lock")).Dispose();
        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/unlock")).Dispose();
        var result = await scope.ServiceProvider.GetRequiredService<Api.Accounts.PasswordReset.PasswordResets>()
            .SetPasswordAsync(link, NewPassword, confirmedName: null, secondFactorCode: null, Cancellation);

        result.Errors.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
        (await SelfServiceFixture.CanSignInAsync(Host, email, NewPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task LockedAccount_AsksForACodeOrALink_GetsNoEMail_AndThePagesAnswerAsForAnyAddress()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, Password);
        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/lock")).Dispose();
        using var browser = new BrowserClient(Host);

        await SignInCodeTests.RequestCodeAsync(browser, PagePaths.SignInCode, email);
        using (var forgot = await browser.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            forgot.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await forgot.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.CheckMailboxText);
        }

        await Eventually.HoldsAsync(async () => await Host.QueryAsync(db => db.PasswordResetRequests.CountAsync(r => r.Email == email, Cancellation)) == 0,
            "the worker handled both requests");
        (await Host.QueryAsync(db => db.EmailOutbox.CountAsync(m => m.ToAddress == email, Cancellation))).ShouldBe(0, "nothing is mailed to a locked account");
        (await Host.QueryAsync(db => db.SignInCodes.CountAsync(c => c.AccountId == account.Id, Cancellation))).ShouldBe(0);
        (await Host.QueryAsync(db => db.PasswordResetTokens.CountAsync(t => t.AccountId == account.Id, Cancellation))).ShouldBe(0);
    }

    [Fact]
    public async Task ResetLinkMailedBeforeALock_DoesNotWork_AndTheLockStays()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, Password);
        var link = await SelfServiceFixture.SetPasswordLinkAsync(Host, email);
        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/lock")).Dispose();
        using var browser = new BrowserClient(Host);

        using var submitted = await browser.SubmitFormAsync(link, Passwords(NewPassword));

        submitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the link does not work for a locked account");
        (await submitted.Content.ReadAsStringAsync(Cancellation)).ShouldContain(PageText.LinkInvalidTitle);
        BrowserClient.SetCookie(submitted, SessionCookie.CookieName).ShouldBeNull();
        (await AccountAsync(account.Id)).GetProperty("lockedOutUntil").GetString().ShouldNotBeNull().ShouldStartWith("9999-12-31");
        (await SelfServiceFixture.CanSignInAsync(Host, email, NewPassword)).ShouldBeFalse();
        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/unlock")).Dispose();
        (await SelfServiceFixture.CanSignInAsync(Host, email, Password)).ShouldBeTrue("the password did not change");
    }

    [Fact]
    public async Task ResetLinkMailedBeforeADisable_DoesNotSignIn_AndChangesNothing()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, Password);
        var link = await SelfServiceFixture.SetPasswordLinkAsync(Host, email);
        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/disable")).Dispose();
        using var browser = new BrowserClient(Host);

        using var submitted = await browser.SubmitFormAsync(link, Passwords(NewPassword));

        submitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        BrowserClient.SetCookie(submitted, SessionCookie.CookieName).ShouldBeNull();
        (await SelfServiceFixture.SignedInAddressAsync(browser)).ShouldBeNull();
        (await AccountAsync(account.Id)).GetProperty("disabled").GetBoolean().ShouldBeTrue();
        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/enable")).Dispose();
        (await SelfServiceFixture.CanSignInAsync(Host, email, Password)).ShouldBeTrue("the password did not change");
    }

    [Fact]
    public async Task LockedAccount_GetsNoTokens_ForARefreshOrAnExistingSession_UntilUnlocked()
    {
        var email = NewAddress();
        var account = await fixture.CreateAccountAsync(email, Password);
        var refreshToken = await SelfServiceFixture.RefreshTokenAsync(Host, email, Password);
        using var browser = await SelfServiceFixture.SignedInAsync(Host, email, Password);

        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/lock")).Dispose();

        (await SelfServiceFixture.RefreshAsync(Host, refreshToken)).ShouldBe(HttpStatusCode.BadRequest);
        var flow = new CodeFlow(browser);
        var refused = CodeFlow.Callback(await browser.GetAsync(flow.AuthorizeUrl()));
        refused.ShouldNotContainKey("code");
        refused["error"].ShouldBe("login_required");

        (await fixture.AdminAsync(HttpMethod.Post, $"/admin/v1/accounts/{account.Id}/unlock")).Dispose();
        (await SelfServiceFixture.RefreshAsync(Host, refreshToken)).ShouldBe(HttpStatusCode.OK, "a lock holds the refresh token; it does not revoke it");
        CodeFlow.Callback(await browser.GetAsync(new CodeFlow(browser).AuthorizeUrl())).ShouldContainKey("code");
    }

    private async Task<JsonElement> AccountAsync(Guid id)
    {
        using var response = await fixture.AdminAsync(HttpMethod.Get, $"/admin/v1/accounts/{id}");
        return await AdminFixture.JsonAsync(response);
    }

    private static Dictionary<string, string> Code(string email, string code) => new() { ["Input.Email"] = email, ["Input.Code"] = code };

    private static Dictionary<string, string> Passwords(string password) => new()
    {
        ["Input.NewPassword"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>The page without what differs by nature: the antiforgery token and the code typed (shown again in its field).</summary>
    private static string Comparable(string html, string typed) =>
        AntiforgeryInput().Replace(html, "").Replace($"value=\"{typed}\"", "value=\"CODE\"", StringComparison.Ordinal);

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryInput();
}
