using System.Net;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>
/// Security review finding 2: a name from a ticket's From header (anyone can forge one) is a suggestion until the
/// account's owner confirms or edits it; it is never stored over a name, and never used in e-mails or claims.
/// </summary>
public sealed class DisplayNameTests(PasswordResetFixture fixture) : IClassFixture<PasswordResetFixture>
{
    private const string Password = "correct horse battery staple";
    private const string SetPasswordSubject = $"[{PasswordResetFixture.ProductName}] Set your password";
    private readonly IdentityHost _host = fixture.Host;

    [Fact]
    public async Task TicketName_OnAnAccountWithoutOne_IsOnlySuggested_NotInTheIdToken()
    {
        var email = $"nameless@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);

        await _host.PublishAsync(Tickets.TicketIntakeTests.Ticket($"\"Chief Executive\" <{email}>", DateTimeOffset.UtcNow));

        await Eventually.HoldsAsync(async () => (await AccountAsync(email)).TicketCount == 1, "the ticket is counted");
        var account = await AccountAsync(email);
        account.DisplayName.ShouldBeNull("the ticket's name is not the owner's word");
        account.SuggestedDisplayName.ShouldBe("Chief Executive");
        using var browser = new BrowserClient(_host);
        var idToken = await IdTokenAsync(browser, email);
        idToken.GetClaim("name").Value.ShouldBe(email, "no confirmed name: the address stands in");
    }

    [Fact]
    public async Task TicketName_WithALink_IsNotEvenSuggested()
    {
        var email = $"phished@{Senders.UniqueDomain()}";

        await _host.PublishAsync(Tickets.TicketIntakeTests.Ticket($"\"Security team: verify at https://evil.example\" <{email}>", DateTimeOffset.UtcNow));

        await Eventually.HoldsAsync(async () => await _host.CountAccountsAsync(email) == 1, "the account is created");
        var account = await AccountAsync(email);
        account.DisplayName.ShouldBeNull();
        account.SuggestedDisplayName.ShouldBeNull();
    }

    [Fact]
    public async Task SetPassword_ShowsTheSuggestion_AndOnlyTheSubmittedNameIsKept()
    {
        var email = $"claimer@{Senders.UniqueDomain()}";
        await _host.PublishAsync(Tickets.TicketIntakeTests.Ticket($"\"Jan Jansen\" <{email}>", DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => await _host.CountAccountsAsync(email) == 1, "the account is created");
        using var browser = new BrowserClient(_host);
        using (var sent = await browser.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var link = Mailbox.Links((await Mailbox.WaitForAsync(_host, email, SetPasswordSubject)).ShouldHaveSingleItem()).ShouldHaveSingleItem();
        var form = await browser.GetPageAsync(link);
        form.ShouldContain("""name="Input.Name" type="text" value="Jan Jansen" """.TrimEnd());
        form.ShouldContain(AccountText.NameSuggestionHint);

        using var done = await browser.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Name"] = "Jan B. Jansen", ["Input.NewPassword"] = Password, ["Input.ConfirmPassword"] = Password,
        });

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var account = await AccountAsync(email);
        account.DisplayName.ShouldBe("Jan B. Jansen");
        account.SuggestedDisplayName.ShouldBeNull();
    }

    [Fact]
    public async Task AccountPage_OwnerConfirmsOrEditsTheName_BidiOverrideRefused()
    {
        var email = $"editor@{Senders.UniqueDomain()}";
        await fixture.CreateAccountAsync(email, Password);
        await _host.PublishAsync(Tickets.TicketIntakeTests.Ticket($"\"Piet\" <{email}>", DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await AccountAsync(email)).TicketCount == 1, "the ticket is counted");
        using var browser = new BrowserClient(_host);
        using (var signIn = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password }))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var home = await browser.GetPageAsync("/");
        home.ShouldContain("""<span id="account-name">Piet</span>""");
        home.ShouldContain(AccountText.NameNotConfirmed);
        home.ShouldContain("""href="/account/name" """.TrimEnd());

        using (var refused = await browser.SubmitFormAsync("/account/name", new Dictionary<string, string> { ["Input.Name"] = "Piet\u202Etxt.exe" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(RegisterText.NameInvalid);
        }

        (await AccountAsync(email)).DisplayName.ShouldBeNull();

        using (var saved = await browser.SubmitFormAsync("/account/name", new Dictionary<string, string> { ["Input.Name"] = "Piet Pietersen" }))
        {
            (await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(AccountText.NameSavedText);
        }

        (await AccountAsync(email)).DisplayName.ShouldBe("Piet Pietersen");
        (await IdTokenAsync(browser, email)).GetClaim("name").Value.ShouldBe("Piet Pietersen");
    }

    private Task<Api.Accounts.Account> AccountAsync(string email) =>
        _host.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email));

    private async Task<JsonWebToken> IdTokenAsync(BrowserClient browser, string email)
    {
        var flow = new CodeFlow(browser);
        var callback = await flow.RunAsync(email, Password);
        using var response = await flow.RedeemAsync(new ProtocolClient(_host.CreateClient()), callback["code"]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return new JsonWebToken((await ProtocolClient.JsonAsync(response)).GetProperty("id_token").GetString());
    }
}
