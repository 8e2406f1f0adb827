using System.Text.Json;
using HelpdeskIdentity.BrowserTests.Accessibility;
using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.BrowserTests.Pages;
using HelpdeskIdentity.TestSupport;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Passkeys;

/// <summary>
/// Passkeys in real Chromium with its virtual authenticator (issue 16, docs/decisions/0039): seed 004's requester claims
/// the account with a passkey instead of a password and lands on the portal; signs in again with it in a fresh browser
/// (the credential carried over, as a synced passkey is); and someone with a password adds a passkey on the account page
/// and removes it. axe-core checks every passkey page and state on the way.
/// </summary>
public sealed class PasskeyJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly JourneyOptions Audited = new() { BypassCsp = true };

    [Fact]
    public async Task NewRequester_ClaimsWithAPasskey_LandsOnThePortal_ThenSignsInWithItInAFreshBrowser()
    {
        var domain = Senders.UniqueDomain("acme");
        var email = $"pia.passkey@{domain}";
        await stack.PublishTicketAsync($"\"Pia Passkey\" <{email}>");
        await stack.WaitForAccountAsync(email);

        IReadOnlyList<JsonElement> credentials;
        await using (var journey = await Journey.StartAsync(browser, stack, Audited))
        {
            var audit = new AccessibilityAudit(journey);
            var authenticator = await VirtualAuthenticator.AttachAsync(journey.Page);
            var passkeys = new PasskeysPage(journey.Page, stack.Issuer);
            await journey.Portal.OpenAsync();
            await journey.Portal.SignInButton.ClickAsync();
            await journey.SignIn.ExpectShownAsync();
            await Expect(passkeys.SignInButton).ToBeVisibleAsync();
            await audit.CheckAsync("sign-in-with-passkey-button");
            await journey.SignIn.ForgotPasswordLink.ClickAsync();
            await journey.ForgotPassword.ExpectShownAsync();
            await journey.ForgotPassword.RequestLinkAsync(email);
            await journey.Mailbox.OpenNewestToAsync(email);
            await journey.Mailbox.FollowLinkAsync("/account/set-password");
            await journey.SetPassword.ExpectShownAsync();
            await Expect(passkeys.ClaimButton).ToBeVisibleAsync();
            await Expect(journey.SetPassword.NewPassword).ToBeVisibleAsync(); // the password stays on offer beside it
            await audit.CheckAsync("set-password-with-passkey");
            await journey.Page.GotoAsync(journey.Page.Url + "&passkey=failed"); // as after a passkey the server refused
            await Expect(journey.Page.Locator("#passkey-error")).ToBeVisibleAsync();
            await audit.CheckAsync("set-password-passkey-failed");

            await passkeys.ClaimButton.ClickAsync();

            await journey.Portal.ExpectSignedInAsync(email);
            await journey.StepAsync("signed-in-with-new-passkey");
            await Expect(journey.Portal.Name).ToHaveTextAsync("Pia Passkey");
            await Expect(journey.Portal.Verified).ToHaveTextAsync("Yes");
            credentials = await authenticator.CredentialsAsync();
            credentials.ShouldHaveSingleItem().GetProperty("isResidentCredential").GetBoolean().ShouldBeTrue("a discoverable passkey");

            await passkeys.OpenAsync();
            await Expect(passkeys.Items).ToHaveCountAsync(1);
            await audit.CheckAsync("passkeys-one");
            await passkeys.RemoveButton("").First.ClickAsync();
            await Expect(passkeys.Error).ToBeVisibleAsync(); // the only credential of an account without a password stays
            await Expect(passkeys.Items).ToHaveCountAsync(1);
            await audit.CheckAsync("passkeys-last-credential-refused");
            audit.Violations.ShouldBeEmpty();
        }

        // A browser without conditional mediation: the passkey is offered by the button.
        await using (var fresh = await Journey.StartAsync(browser, stack))
        {
            await fresh.Page.AddInitScriptAsync("PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);");
            var synced = await VirtualAuthenticator.AttachAsync(fresh.Page);
            await synced.AddCredentialAsync(credentials[0]);
            await fresh.Portal.OpenAsync();
            await fresh.Portal.ExpectSignedOutAsync();
            await fresh.Portal.SignInButton.ClickAsync();
            await fresh.SignIn.ExpectShownAsync();
            await fresh.StepAsync("fresh-browser-sign-in");

            await new PasskeysPage(fresh.Page, stack.Issuer).SignInButton.ClickAsync();

            await fresh.Portal.ExpectSignedInAsync(email);
            await fresh.StepAsync("signed-in-with-passkey-button");
            (await synced.CredentialsAsync()).ShouldHaveSingleItem().GetProperty("signCount").GetInt32().ShouldBeGreaterThan(
                credentials[0].GetProperty("signCount").GetInt32(), "the passkey signed this sign-in");
        }

        // A browser with conditional mediation: the passkey is offered with the address field, and taken from there.
        await using var autofill = await Journey.StartAsync(browser, stack);
        await (await VirtualAuthenticator.AttachAsync(autofill.Page)).AddCredentialAsync(credentials[0]);
        await autofill.Portal.OpenAsync();
        (await autofill.Page.EvaluateAsync<bool>("() => PublicKeyCredential.isConditionalMediationAvailable()")).ShouldBeTrue();
        await autofill.Portal.SignInButton.ClickAsync();

        await autofill.Portal.ExpectSignedInAsync(email);
        await autofill.StepAsync("signed-in-with-passkey-autofill");
        autofill.Visited.ShouldContain(url => url.StartsWith(stack.Issuer + "/account/login", StringComparison.Ordinal), "through the sign-in page");
    }

    [Fact]
    public async Task PersonWithAPassword_AddsAPasskeyOnTheAccountPage_ThenRemovesIt()
    {
        var email = $"pavel.password@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Pavel Password", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        var authenticator = await VirtualAuthenticator.AttachAsync(journey.Page);
        var passkeys = new PasskeysPage(journey.Page, stack.Issuer);
        await journey.SignInWithPasswordAsync(email, Passwords.Journey, keepSignedIn: false);

        await passkeys.OpenAsync();
        await Expect(passkeys.None).ToBeVisibleAsync();
        await Expect(passkeys.AddButton).ToBeVisibleAsync();
        await audit.CheckAsync("passkeys-none");
        await passkeys.NewName.FillAsync("Work laptop");
        await passkeys.AddButton.ClickAsync();

        await Expect(passkeys.Status).ToBeVisibleAsync();
        await Expect(passkeys.Items).ToHaveCountAsync(1);
        await Expect(passkeys.Items.First).ToContainTextAsync("Work laptop");
        await audit.CheckAsync("passkeys-added");
        (await authenticator.CredentialsAsync()).Count.ShouldBe(1);

        await passkeys.RemoveButton("Work laptop").ClickAsync();

        await Expect(passkeys.Status).ToBeVisibleAsync();
        await Expect(passkeys.None).ToBeVisibleAsync();
        await audit.CheckAsync("passkeys-removed");
        audit.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task PasskeySignInThatFails_SaysSo_AndTheOtherWaysRemain()
    {
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        await VirtualAuthenticator.AttachAsync(journey.Page); // holds no passkey for this service
        await journey.Page.GotoAsync(stack.Issuer + "/account/login?passkey=failed");

        await Expect(journey.Page.Locator("#passkey-error")).ToBeVisibleAsync();
        await Expect(journey.SignIn.Password).ToBeVisibleAsync();
        await audit.CheckAsync("sign-in-passkey-failed");
        audit.Violations.ShouldBeEmpty();
    }
}
