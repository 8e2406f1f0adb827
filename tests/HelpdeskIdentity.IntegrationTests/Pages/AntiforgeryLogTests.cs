using System.Net;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Pages;

/// <summary>
/// Security review finding 13: a post whose antiforgery token is missing, forged or from another browser gets a
/// readable 400 and one warning line with the reason — no error, no stack trace (an operator has nothing to do).
/// </summary>
public sealed class AntiforgeryLogTests(SignInFixture fixture) : IClassFixture<SignInFixture>
{
    public static TheoryData<string, string?, string?> Posts => new()
    {
        { "no token, no cookie", null, null },
        { "forged token and cookie", "CfDJ8forged-token", "CfDJ8forged-cookie" },
        { "token without its cookie", "from-page", null },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task BadAntiforgeryToken_400_OneWarningLine_NoError(string what, string? token, string? cookie)
    {
        var marker = $"198.51.100.{Random.Shared.Next(1, 255)}";
        using var client = fixture.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token == "from-page")
        {
            using var browser = new BrowserClient(fixture.Host);
            token = BrowserClient.AntiforgeryToken(await browser.GetPageAsync("/account/login"));
        }

        var before = fixture.Host.Logs.Entries.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "someone@example.org", ["Input.Password"] = "guess", ["__RequestVerificationToken"] = token ?? "",
            }),
        };
        request.Headers.Add(TestClientAddress.Header, marker);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"hdid.antiforgery={cookie}");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, what);
        var logged = fixture.Host.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Warning).ToList();
        logged.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty(what);
        var warning = logged.Where(e => e.Message.Contains("antiforgery", StringComparison.OrdinalIgnoreCase)).ShouldHaveSingleItem(what);
        warning.Exception.ShouldBeNull("one line, no stack trace");
        warning.Message.ShouldContain(marker, customMessage: "the client is named");
    }
}
