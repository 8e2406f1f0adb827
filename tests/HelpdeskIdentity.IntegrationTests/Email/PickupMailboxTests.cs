using System.Net;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>Development delivery: .eml files in the pickup folder, read in the browser at /dev/mailbox.</summary>
public sealed class PickupMailboxTests(LocalServers servers)
{
    [Fact]
    public async Task EnqueuedEmail_PickupProvider_OneEmlFileWithBothParts()
    {
        await using var host = await StartAsync("pickup_file");

        var id = await host.EnqueueAsync(Outbox.Message("pickup-file"));

        await host.WaitForStatusAsync(id, EmailStatus.Sent);
        var file = Directory.GetFiles(host.PickupDirectory, "*.eml").ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldEndWith($"-{id}.eml");
        var mail = EmlReader.Read(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        mail.Header("to").ShouldContain("jan@example.nl");
        mail.Header("message-id").ShouldBe($"<{id:N}@helpdesk.example>");
        mail.Text.ShouldNotBeNull().ShouldContain("claim your account: https://id.helpdesk.test/account/claim");
        mail.Html.ShouldNotBeNull().ShouldContain("<a href=");
        Directory.GetDirectories(host.PickupDirectory, "*", SearchOption.AllDirectories).Where(d => !d.EndsWith(".staging", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EnqueuedEmail_LongPollInterval_SentAsSoonAsTheTransactionCommits()
    {
        await using var host = await StartAsync("pickup_wake", ("Email:PollInterval", "00:10:00"));
        // A barrier: once a first mail is sent, the dispatcher has listened and drained, and is waiting now.
        await host.WaitForStatusAsync(await host.EnqueueAsync(Outbox.Message("pickup-wake-first")), EmailStatus.Sent, TimeSpan.FromSeconds(30));

        var id = await host.EnqueueAsync(Outbox.Message("pickup-wake"));

        await host.WaitForStatusAsync(id, EmailStatus.Sent, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DevMailbox_Enabled_ListsNewestFirstAndShowsTextLinksAndSandboxedHtml()
    {
        await using var host = await StartAsync("pickup_page", ("Email:Mailbox:Enabled", "true"));
        var first = await host.EnqueueAsync(Outbox.Message("pickup-page") with { Subject = "First mail" });
        await host.WaitForStatusAsync(first, EmailStatus.Sent);
        var second = await host.EnqueueAsync(Outbox.Message("pickup-page") with
        {
            Subject = "Second <mail>",
            HtmlBody = "<p>Hi</p><script>alert(document.cookie)</script>",
        });
        await host.WaitForStatusAsync(second, EmailStatus.Sent);
        using var client = host.CreateClient();

        var list = await client.GetStringAsync(new Uri("/dev/mailbox", UriKind.Relative), TestContext.Current.CancellationToken);
        list.IndexOf("Second &lt;mail&gt;", StringComparison.Ordinal).ShouldBeLessThan(list.IndexOf("First mail", StringComparison.Ordinal));
        list.ShouldContain("jan@example.nl");

        var id = Path.GetFileNameWithoutExtension(Directory.GetFiles(host.PickupDirectory, $"*-{second}.eml").Single());
        using var page = await client.GetAsync(new Uri($"/dev/mailbox/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("<a href=\"https://id.helpdesk.test/account/claim?token=abc&amp;x=1\">");
        html.ShouldContain($"<iframe sandbox src=\"/dev/mailbox/{id}/html\"");
        html.ShouldNotContain("<script>");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");

        using var body = await client.GetAsync(new Uri($"/dev/mailbox/{id}/html", UriKind.Relative), TestContext.Current.CancellationToken);
        body.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox;");
        (await body.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("<p>Hi</p>");
    }

    [Fact]
    public async Task DevMailbox_PathOutsideThePickupFolder_NotFound()
    {
        await using var host = await StartAsync("pickup_escape", ("Email:Mailbox:Enabled", "true"));
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/dev/mailbox/..%2F..%2Fetc%2Fpasswd", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<IdentityHost> StartAsync(string name, params (string Key, string Value)[] settings) =>
        await new IdentityHost(await servers.NewEnvironmentAsync(name), settings.ToDictionary(s => s.Key, s => (string?)s.Value)).StartAsync();
}
