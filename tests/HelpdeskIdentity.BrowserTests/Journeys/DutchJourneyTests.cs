using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Accounts.Passwords;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.BrowserTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Microsoft.AspNetCore.WebUtilities;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskIdentity.BrowserTests.Journeys;

/// <summary>
/// The seed-004 journey for a Dutch requester: the portal asks for ui_locales=nl and every page, the e-mail and the
/// password rules on the way are Dutch; and a Dutch lockout message after repeated wrong passwords.
/// </summary>
public sealed partial class DutchJourneyTests(PortalStack stack, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly JourneyOptions Dutch = new() { Locale = "nl-NL" };

    [Fact]
    public async Task DutchRequester_ClaimsTheAccount_EveryPageAndTheEmailInDutch()
    {
        var domain = Senders.UniqueDomain("pantein");
        var email = $"anja.janssen@{domain}";
        await stack.PublishTicketAsync($"\"Anja Janssen\" <{email}>");
        await stack.WaitForAccountAsync(email);

        await using var journey = await Journey.StartAsync(browser, stack, Dutch);
        await journey.Portal.OpenAsync();
        await Expect(journey.Portal.SignInButton).ToHaveTextAsync("Inloggen");
        await journey.StepAsync("portaal");
        var authorize = journey.Page.WaitForRequestAsync(r => r.Url.StartsWith(stack.Issuer + "/connect/authorize", StringComparison.Ordinal));
        await journey.Portal.SignInButton.ClickAsync();
        QueryHelpers.ParseQuery(new Uri((await authorize).Url).Query)["ui_locales"].ToString().ShouldBe("nl");

        await journey.SignIn.ExpectShownAsync();
        await ExpectDutchAsync(journey, Nl(() => PageText.SignInTitle));
        await Expect(journey.SignIn.ForgotPasswordLink).ToHaveTextAsync(Nl(() => PageText.ForgotPasswordLink));
        await journey.StepAsync("inloggen");
        await journey.SignIn.ForgotPasswordLink.ClickAsync();
        await journey.ForgotPassword.ExpectShownAsync();
        await ExpectDutchAsync(journey, Nl(() => PageText.ForgotPasswordTitle));
        await journey.StepAsync("wachtwoord-vergeten");
        await journey.ForgotPassword.RequestLinkAsync(email);
        await ExpectDutchAsync(journey, Nl(() => PageText.CheckMailboxTitle));
        await journey.StepAsync("kijk-in-je-mailbox");

        await journey.Mailbox.OpenNewestToAsync(email);
        await Expect(journey.Page.Locator("body")).ToContainTextAsync(Nl(() => EmailText.SetPasswordSubject));
        await Expect(journey.Mailbox.Text).ToContainTextAsync(Nl(() => EmailText.Greeting)); // not yet by name: the name came from a ticket
        await journey.StepAsync("e-mail");
        await journey.Mailbox.FollowLinkAsync("/account/set-password");
        await journey.SetPassword.ExpectShownAsync();
        await ExpectDutchAsync(journey, Nl(() => PageText.SetPasswordTitle));
        await Expect(journey.Page.Locator("#password-rules")).ToContainTextAsync(Nl(() => PasswordPolicyText.RuleNotCommon));
        await journey.StepAsync("wachtwoord-instellen");

        // While typing (password-rules.js): the length rule is marked once met, and differing passwords are pointed out.
        var lengthRule = journey.Page.Locator("li[data-rule=minimum-length]");
        await journey.SetPassword.NewPassword.FillAsync("kort");
        await Expect(lengthRule).Not.ToHaveClassAsync(MetClass());
        await journey.SetPassword.NewPassword.FillAsync(Passwords.Journey);
        await Expect(lengthRule).ToHaveClassAsync(MetClass());
        await Expect(lengthRule).ToContainTextAsync(Nl(() => PageText.RuleMet).Trim());
        await journey.SetPassword.ConfirmPassword.FillAsync(Passwords.Journey + "!");
        await Expect(journey.Page.Locator("#password-status")).ToHaveTextAsync(Nl(() => PageText.PasswordsDiffer));
        await journey.StepAsync("tijdens-het-typen");

        await journey.SetPassword.SetAsync("te kort", "te kort"); // too short: refused in Dutch
        await Expect(journey.Page.Locator("#new-password-error")).ToContainTextAsync(Nl(() => PasswordPolicyText.TooShort(15, 7)));
        await journey.StepAsync("te-kort");
        await journey.SetPassword.SetAsync(Passwords.Journey);

        await journey.Portal.ExpectSignedInAsync(email);
        await Expect(journey.Portal.Verified).ToHaveTextAsync("Ja");
        await journey.StepAsync("ingelogd");
    }

    [Fact]
    public async Task DutchSignIn_RepeatedWrongPasswords_LockoutMessageInDutch()
    {
        var email = $"kees@{Senders.UniqueDomain("contict")}";
        await stack.CreateAccountAsync(email, "Kees de Boer", Passwords.Journey);

        await using var journey = await Journey.StartAsync(browser, stack, Dutch);
        await journey.Portal.OpenAsync();
        await journey.Portal.SignInButton.ClickAsync();
        await journey.SignIn.ExpectShownAsync();
        var error = journey.Page.Locator("#form-error");
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await journey.SignIn.SignInAsync(email, $"wrong password number {attempt}", keepSignedIn: false);
            await Expect(error).ToHaveTextAsync(Nl(() => PageText.InvalidCredentials));
        }

        await journey.StepAsync("vier-keer-fout");
        await journey.SignIn.SignInAsync(email, "wrong password number 5", keepSignedIn: false);
        await Expect(error).ToHaveTextAsync(Nl(() => PageText.LockedOut));
        await journey.StepAsync("geblokkeerd");

        await journey.SignIn.SignInAsync(email, Passwords.Journey, keepSignedIn: false); // the right one, while locked
        await Expect(error).ToHaveTextAsync(Nl(() => PageText.LockedOut));
        await ExpectDutchAsync(journey, Nl(() => PageText.SignInTitle));
    }

    private static async Task ExpectDutchAsync(Journey journey, string heading)
    {
        await Expect(journey.Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(journey.Page.Locator("h1")).ToHaveTextAsync(heading);
    }

    private static string Nl(Func<string> text)
    {
        using var _ = Languages.Use(CultureInfo.GetCultureInfo("nl"));
        return text();
    }

    [GeneratedRegex(@"\bmet\b")]
    private static partial Regex MetClass();
}
