using System.Net;
using HelpdeskIdentity.Api.Pages.Account;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Passkeys;

/// <summary>What passkeys.js does in a browser, done over HTTP: ask for the options (with the page's antiforgery token), let the authenticator answer, post the answer.</summary>
public static class PasskeySteps
{
    /// <summary>The options a page's passkey form gets from <paramref name="optionsUrl"/>: the JSON, or the refusal's status.</summary>
    public static async Task<(HttpStatusCode Status, string Json)> OptionsAsync(BrowserClient browser, string pageUrl, string optionsUrl,
        IDictionary<string, string>? fields = null)
    {
        var token = BrowserClient.AntiforgeryToken(await browser.GetPageAsync(pageUrl));
        using var response = await browser.PostAsync(optionsUrl, [new("__RequestVerificationToken", token), .. fields ?? new Dictionary<string, string>()]);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Posts a passkey form's answer; returns where the browser is sent.</summary>
    public static async Task<string> PostAsync(BrowserClient browser, string pageUrl, string url, IDictionary<string, string> fields)
    {
        var token = BrowserClient.AntiforgeryToken(await browser.GetPageAsync(pageUrl));
        using var response = await browser.PostAsync(url, [new("__RequestVerificationToken", token), .. fields]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"POST {url}");
        return CodeFlow.Location(response);
    }

    /// <summary>Posts a form that answers with a page (a refusal); returns its decoded HTML.</summary>
    public static async Task<string> PostForPageAsync(BrowserClient browser, string pageUrl, string url, IDictionary<string, string> fields)
    {
        var token = BrowserClient.AntiforgeryToken(await browser.GetPageAsync(pageUrl));
        using var response = await browser.PostAsync(url, [new("__RequestVerificationToken", token), .. fields]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"POST {url}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>"Use a passkey instead" on the set-password page of <paramref name="link"/>; returns where the browser is sent.</summary>
    public static async Task<string> ClaimAsync(BrowserClient browser, string link, SoftwareAuthenticator authenticator, string? secondFactorCode = null)
    {
        var token = Token(link);
        var (status, options) = await OptionsAsync(browser, link, PasskeyClaimModel.Path + "?handler=options", new Dictionary<string, string> { ["token"] = token });
        status.ShouldBe(HttpStatusCode.OK);
        return await PostAsync(browser, link, PasskeyClaimModel.Path, new Dictionary<string, string>
        {
            ["token"] = token, ["Credential"] = authenticator.Create(options), ["SecondFactorCode"] = secondFactorCode ?? "",
        });
    }

    /// <summary>Starts a passkey sign-in on the sign-in page: the options JSON.</summary>
    public static async Task<string> SignInOptionsAsync(BrowserClient browser)
    {
        var (status, options) = await OptionsAsync(browser, "/account/login", PasskeySignInModel.Path + "?handler=options");
        status.ShouldBe(HttpStatusCode.OK);
        return options;
    }

    /// <summary>Posts a sign-in answer (<paramref name="credential"/>: the authenticator's JSON); returns where the browser is sent.</summary>
    public static Task<string> SignInAsync(BrowserClient browser, string credential, string? returnUrl = null) =>
        PostAsync(browser, "/account/login", PasskeySignInModel.Path, new Dictionary<string, string>
        {
            ["Credential"] = credential, ["ReturnUrl"] = returnUrl ?? "", ["KeepSignedIn"] = "false",
        });

    /// <summary>Adds a passkey on the account page of a signed-in browser; returns where the browser is sent.</summary>
    public static async Task<string> AddAsync(BrowserClient browser, SoftwareAuthenticator authenticator, string name = "")
    {
        var (status, options) = await OptionsAsync(browser, PasskeysModel.Path, PasskeysModel.Path + "?handler=options");
        status.ShouldBe(HttpStatusCode.OK);
        return await PostAsync(browser, PasskeysModel.Path, PasskeysModel.Path + "?handler=add",
            new Dictionary<string, string> { ["Credential"] = authenticator.Create(options), ["Name"] = name });
    }

    /// <summary>The link's handle (its <c>token</c> query parameter).</summary>
    public static string Token(string link) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link[link.IndexOf('?', StringComparison.Ordinal)..])["token"].ToString();
}
