using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Accounts.Passkeys;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>
/// The second-factor policy (issue 16, docs/decisions/0040): optional by default; required of everyone, or of the people
/// of some organisations. An account that must have one and has none is sent to set one up — an authenticator app or a
/// passkey — before any authorization request reaches the client, and continues there afterwards.
/// </summary>
public sealed class SecondFactorPolicyTests(LocalServers servers)
{
    private const string Password = TwoFactorSteps.Password;

    [Fact]
    public async Task RequiredForEveryone_SignInWithoutAFactor_SentToSetOneUp_ThenOnToTheClientWithTheCode()
    {
        await using var host = await StartAsync("policy_everyone", ("Accounts:TwoFactor:Policy", "Required"));
        var email = $"everyone@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(host);
        var flow = new CodeFlow(browser);

        var enrol = await SignInThroughTheFlowAsync(browser, flow, email);

        enrol.ShouldStartWith(EnrolmentGate.Path + "?returnUrl=%2Fconnect%2Fauthorize%3F");
        (await browser.GetPageAsync(enrol)).ShouldContain(EnrolmentText.AuthenticatorLink);
        var stillMissing = await browser.GetAsync(CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl())));
        stillMissing.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "no code for the client without a factor, however often it asks");
        foreach (var spelling in new[] { "/connect/authorize/?", "/CONNECT/Authorize?" })
        {
            CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl().Replace("/connect/authorize?", spelling, StringComparison.Ordinal)))
                .ShouldStartWith(EnrolmentGate.Path + "?returnUrl=", Case.Sensitive, $"{spelling}: the same endpoint, the same gate");
        }

        await TwoFactorSteps.EnableAsync(browser, TwoFactorSteps.Key(await browser.GetPageAsync(HelpdeskIdentity.Api.Pages.PagePaths.TwoFactor)));
        var onward = CodeFlow.Location(await browser.GetAsync(enrol));

        onward.ShouldStartWith("/connect/authorize?");
        CodeFlow.Callback(await browser.GetAsync(onward)).ShouldContainKey("code");
    }

    [Fact]
    public async Task RequiredForAnOrganisation_ItsPeopleSetUpAPasskey_OthersGoStraightThrough()
    {
        var strict = Senders.UniqueDomain("strict");
        await using var host = await StartAsync("policy_organisation", ("Accounts:TwoFactor:RequiredForOrganizations:0", strict));
        var fixture = await TestBus.ConnectAsync(host.Environment.AmqpUrl);
        await using var _ = fixture;
        await fixture.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"first@{strict}")); // the organisation, from a ticket
        await Eventually.HoldsAsync(async () => await host.CountAccountsAsync($"first@{strict}") == 1, "intake created the organisation");
        var member = $"member@{strict}";
        var outsider = $"outsider@{Senders.UniqueDomain("relaxed")}";
        await host.CreateAccountAsync(member, Password);
        await host.CreateAccountAsync(outsider, Password);

        using (var other = new BrowserClient(host))
        {
            ShouldBeTheClientsCallback(await SignInThroughTheFlowAsync(other, new CodeFlow(other), outsider));
        }

        using var browser = new BrowserClient(host);
        var enrol = await SignInThroughTheFlowAsync(browser, new CodeFlow(browser), member);
        enrol.ShouldStartWith(EnrolmentGate.Path + "?");
        (await browser.GetPageAsync(enrol)).ShouldContain(EnrolmentText.PasskeyLink);
        using var authenticator = SoftwareAuthenticator.ForTestHost();
        (await PasskeySteps.AddAsync(browser, authenticator)).ShouldBe(PasskeysModel.Path + "?done=added");
        var continueUrl = System.Net.WebUtility.HtmlDecode(ContinueLink(await browser.GetPageAsync(PasskeysModel.Path)));

        var onward = CodeFlow.Location(await browser.GetAsync(continueUrl));

        onward.ShouldStartWith("/connect/authorize?");
        CodeFlow.Callback(await browser.GetAsync(onward)).ShouldContainKey("code");

        // Their one factor is the passkey: the password alone no longer opens a session, the sign-in page says why.
        using var elsewhere = new BrowserClient(host);
        var flow = new CodeFlow(elsewhere);
        var login = CodeFlow.Location(await elsewhere.GetAsync(flow.AuthorizeUrl()));
        using var refused = await elsewhere.SubmitFormAsync(login, SelfServiceFixture.Credentials(member, Password));
        var back = CodeFlow.Location(refused);
        back.ShouldStartWith("/account/login?");
        (await elsewhere.GetPageAsync(back)).ShouldContain(HelpdeskIdentity.Api.Accounts.Passkeys.PasskeyText.RequiredBySecondFactorPolicy);
        CodeFlow.Location(await elsewhere.GetAsync(flow.AuthorizeUrl())).ShouldStartWith("/account/login", Case.Sensitive, "the password alone started no session");
    }

    [Fact]
    public async Task Optional_TheDefault_NoOneIsSentToSetOneUp()
    {
        await using var host = await StartAsync("policy_optional");
        var email = $"optional@{Senders.UniqueDomain()}";
        await host.CreateAccountAsync(email, Password);
        using var browser = new BrowserClient(host);

        var next = await SignInThroughTheFlowAsync(browser, new CodeFlow(browser), email);

        ShouldBeTheClientsCallback(next);
    }

    /// <summary>Authorize → sign-in page → password → back to authorize; returns where authorize then sends the browser.</summary>
    private static async Task<string> SignInThroughTheFlowAsync(BrowserClient browser, CodeFlow flow, string email)
    {
        var login = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl()));
        login.ShouldStartWith("/account/login?");
        using var signedIn = await browser.SubmitFormAsync(login, SelfServiceFixture.Credentials(email, Password));
        var authorize = CodeFlow.Location(signedIn);
        authorize.ShouldStartWith("/connect/authorize?");
        using var answer = await browser.GetAsync(authorize);
        return CodeFlow.Location(answer);
    }

    private static void ShouldBeTheClientsCallback(string location)
    {
        location.ShouldStartWith(TestClients.PortalRedirectUri + "?");
        location.ShouldContain("code=");
    }

    private static string ContinueLink(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<a id=\"enrolment-continue\" href=\"([^\"]+)\"");
        match.Success.ShouldBeTrue("the page offers to continue where the sign-in was going");
        return match.Groups[1].Value;
    }

    private async Task<IdentityHost> StartAsync(string name, params (string Key, string Value)[] settings)
    {
        var configured = PasswordResetFixture.Configure(TestClients.Settings());
        foreach (var (key, value) in settings)
        {
            configured[key] = value;
        }

        return await new IdentityHost(await servers.NewEnvironmentAsync(name), configured).StartAsync();
    }
}
