using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Contracts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Registration;

/// <summary>What the registration tests do as a person would: post the register page, read the mailbox, follow links.</summary>
public static partial class Registering
{
    public const string ConfirmSubject = $"[{PasswordResetFixture.ProductName}] Confirm your e-mail address";
    public const string ExistingSubject = $"[{PasswordResetFixture.ProductName}] You already have an account";
    public const string NotAllowedSubject = $"[{PasswordResetFixture.ProductName}] Registering with this address is not possible";
    public const string Password = "a long and quite unusual passphrase";

    /// <summary>The test clients, the reset tests' brand, lifted rate limits, and the registration mode.</summary>
    public static Dictionary<string, string?> Settings(string mode)
    {
        var settings = PasswordResetFixture.Configure(TestClients.Settings());
        settings["Registration:Mode"] = mode;
        settings["Registration:PollInterval"] = "00:00:00.200";
        settings["RateLimits:RegisterPerClient:PermitLimit"] = "1000000";
        settings["RateLimits:RegisterPerAddress:PermitLimit"] = "1000000";
        return settings;
    }

    /// <summary>Submits the register form (opened at <paramref name="page"/>); returns the answer's HTML after checking it is 200.</summary>
    public static async Task<string> PostAsync(BrowserClient browser, string email, string name, string page = "/account/register")
    {
        using var response = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Name"] = name });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts and expects "check your mailbox".</summary>
    public static async Task<string> RequestAsync(BrowserClient browser, string email, string name, string page = "/account/register")
    {
        var body = await PostAsync(browser, email, name, page);
        body.ShouldContain($"<h1>{PageText.CheckMailboxTitle}</h1>");
        return body;
    }

    /// <summary>The one e-mail with this subject to the address.</summary>
    public static async Task<EmlMessage> MailAsync(IdentityHost host, string address, string subject) =>
        (await Mailbox.WaitForAsync(host, address, subject)).ShouldHaveSingleItem();

    /// <summary>The verification links in an e-mail's text, as local URLs.</summary>
    public static IEnumerable<string> ConfirmLinks(EmlMessage mail) =>
        ConfirmLink().Matches(mail.Text ?? "").Select(m => "/account/register/confirm?token=" + m.Groups[1].Value);

    /// <summary>Registers from the page through the e-mailed link to a signed-in, verified account; returns the response to the final post.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(IdentityHost host, BrowserClient browser, string email, string name, string page = "/account/register")
    {
        await RequestAsync(browser, email, name, page);
        var link = ConfirmLinks(await MailAsync(host, email, ConfirmSubject)).ShouldHaveSingleItem();
        return await browser.SubmitFormAsync(link, Passwords(Password));
    }

    public static Dictionary<string, string> Passwords(string password) => new()
    {
        ["Input.NewPassword"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>Publishes a ticket from <paramref name="from"/> and waits for its account: the organisation of its domain exists then.</summary>
    public static async Task<Guid?> TicketFromAsync(IdentityHost host, string from)
    {
        await host.PublishAsync(new TicketReceived { TicketId = Senders.UniqueTicketId(), From = from, ReceivedAt = DateTimeOffset.UtcNow });
        await Eventually.HoldsAsync(async () => await host.CountAccountsAsync(from) == 1, $"intake created the account of {from}");
        return await OrganizationOfAsync(host, from);
    }

    public static Task<Guid?> OrganizationOfAsync(IdentityHost host, string normalizedEmail) =>
        host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => u.OrganizationId).SingleAsync());

    public static Task<List<string>> DomainsOfAsync(IdentityHost host, Guid organizationId) =>
        host.QueryAsync(db => db.OrganizationDomains.Where(d => d.OrganizationId == organizationId).Select(d => d.Domain).OrderBy(d => d).ToListAsync());

    public static string WithoutAntiforgery(string html) => AntiforgeryValue().Replace(html, "");

    [GeneratedRegex(@"https://id\.helpdesk\.test/account/register/confirm\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryValue();
}
