using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Shouldly;

namespace HelpdeskIdentity.BrowserTests.Accessibility;

/// <summary>
/// The pages a person meets pass axe-core with no serious or critical violation, empty, showing errors and done.
/// (The register page joins these when it is built.)
/// </summary>
public sealed class AccessibilityTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly JourneyOptions Audited = new() { BypassCsp = true };

    [Fact]
    public async Task SignInPage_EmptyWithErrorsAndWrongPassword_NoSeriousViolations()
    {
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        await journey.Portal.OpenAsync();
        await journey.Portal.SignInButton.ClickAsync();
        await journey.SignIn.ExpectShownAsync();
        await audit.CheckAsync("sign-in");

        await journey.SignIn.Submit.ClickAsync();
        await journey.SignIn.ExpectShownAsync();
        await audit.CheckAsync("sign-in-empty-fields");

        await journey.SignIn.SignInAsync($"nobody@{Senders.UniqueDomain()}", "not the password at all, sorry", keepSignedIn: false);
        await journey.SignIn.ExpectShownAsync();
        await audit.CheckAsync("sign-in-wrong-password");

        audit.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task ForgotPasswordPage_EmptyInvalidAndSent_NoSeriousViolations()
    {
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        await journey.Page.GotoAsync(stack.Issuer + "/account/forgot-password");
        await journey.ForgotPassword.ExpectShownAsync();
        await audit.CheckAsync("forgot-password");

        await journey.ForgotPassword.Email.FillAsync("not an address");
        await journey.ForgotPassword.Submit.ClickAsync();
        await journey.ForgotPassword.ExpectShownAsync();
        await audit.CheckAsync("forgot-password-invalid");

        await journey.ForgotPassword.RequestLinkAsync($"nobody@{Senders.UniqueDomain()}");
        await audit.CheckAsync("check-your-mailbox");

        audit.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task SetPasswordPage_FormAndErrors_NoSeriousViolations()
    {
        var email = $"anna.audit@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Anna Audit", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        await journey.Page.GotoAsync(stack.Issuer + "/account/forgot-password");
        await journey.ForgotPassword.RequestLinkAsync(email);
        await journey.Mailbox.OpenNewestToAsync(email);
        await journey.Mailbox.FollowLinkAsync("/account/set-password");
        await journey.SetPassword.ExpectShownAsync();
        await audit.CheckAsync("set-password");

        await journey.SetPassword.SetAsync("short", "different");
        await journey.SetPassword.ExpectShownAsync();
        await audit.CheckAsync("set-password-errors");

        audit.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Portal_SignedOutAndSignedIn_NoSeriousViolations()
    {
        var email = $"pia.portal@{Senders.UniqueDomain()}";
        await stack.CreateAccountAsync(email, "Pia Portal", Passwords.Journey);
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        var audit = new AccessibilityAudit(journey);
        await journey.Portal.OpenAsync();
        await audit.CheckAsync("portal-signed-out");

        await journey.Portal.SignInButton.ClickAsync();
        await journey.SignIn.SignInAsync(email, Passwords.Journey, keepSignedIn: false);
        await journey.Portal.ExpectSignedInAsync(email);
        await audit.CheckAsync("portal-signed-in");

        audit.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Axe_PageWithAnUnlabelledFieldAndNoLanguage_ReportsThem()
    {
        await using var journey = await Journey.StartAsync(browser, stack, Audited);
        await journey.Page.GotoAsync(stack.PortalUrl + "/health"); // any page of ours, then replaced
        await journey.Page.SetContentAsync("<html><head><title>Broken</title></head><body><main><input type=text></main></body></html>");

        var violations = await Axe.SeriousViolationsAsync(journey.Page);

        violations.ShouldContain(v => v.Contains("critical label", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("serious html-has-lang", StringComparison.Ordinal));
    }
}
