using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>E-mail through SMTP (MailKit), received by a listener in the test.</summary>
public sealed class SmtpDeliveryTests(LocalServers servers)
{
    [Fact]
    public async Task EnqueuedEmail_SmtpProvider_ListenerReceivesRecipientSubjectAndBothParts()
    {
        using var listener = new SmtpListener();
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("smtp"), new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:UseStartTls"] = "false",
        }).StartAsync();
        using var counter = new EmailDeliveryCounter("smtp-claim");

        var id = await host.EnqueueAsync(Outbox.Message("smtp-claim") with { Subject = "Claim your account — één klik" });

        await host.WaitForStatusAsync(id, EmailStatus.Sent);
        var (from, recipients, data) = listener.Received.ShouldHaveSingleItem();
        from.ShouldBe("<no-reply@helpdesk.example>");
        recipients.ShouldBe(["<jan@example.nl>"]);
        var mail = EmlReader.Read(data);
        mail.Header("subject").ShouldBe("Claim your account — één klik");
        mail.Header("content-type").ShouldStartWith("multipart/alternative");
        mail.Header("message-id").ShouldBe($"<{id:N}@helpdesk.example>");
        mail.Text.ShouldNotBeNull().ShouldContain("https://id.helpdesk.test/account/claim?token=abc&x=1");
        mail.Html.ShouldNotBeNull().ShouldContain("<a href=\"https://id.helpdesk.test/account/claim?token=abc\">");
        counter.Get("smtp/sent").ShouldBe(1);
    }

    [Fact]
    public async Task ServerWithoutStartTls_StartTlsByDefault_NothingSentInTheClear_RetriedWithAClearError()
    {
        using var listener = new SmtpListener();
        await using var host = await new IdentityHost(await servers.NewEnvironmentAsync("smtp_tls"), new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).StartAsync();

        var id = await host.EnqueueAsync(Outbox.Message("smtp-tls"));

        await Eventually.HoldsAsync(async () => (await host.RowAsync(id))?.LastError is not null, "a failed attempt");
        var row = (await host.RowAsync(id)).ShouldNotBeNull();
        row.Status.ShouldBe(EmailStatus.Pending);
        row.LastError.ShouldNotBeNull().ShouldContain("does not offer STARTTLS");
        listener.Received.ShouldBeEmpty("the e-mail never went out unencrypted");
    }
}
