using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>E-mail through SendGrid's Web API, against a stand-in that checks requests as SendGrid does.</summary>
public sealed class SendGridDeliveryTests(LocalServers servers) : IAsyncLifetime
{
    private readonly FakeSendGrid _sendGrid = new();

    public async ValueTask InitializeAsync() => await _sendGrid.StartAsync();

    public ValueTask DisposeAsync() => _sendGrid.DisposeAsync();

    [Fact]
    public async Task EnqueuedEmail_ProviderUp_DeliveredOnceWithItsMessageId()
    {
        await using var host = await StartHostAsync("sg_once");
        using var counter = new EmailDeliveryCounter("sg-once");

        var id = await host.EnqueueAsync(Outbox.Message("sg-once"));

        await host.WaitForStatusAsync(id, EmailStatus.Sent);
        var mail = _sendGrid.Accepted.ShouldHaveSingleItem().Value;
        mail["custom_args"]!["hdid_message_id"]!.GetValue<string>().ShouldBe(id.ToString());
        mail["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>().ShouldBe("jan@example.nl");
        mail["from"]!["email"]!.GetValue<string>().ShouldBe("no-reply@helpdesk.example");
        mail["categories"]![0]!.GetValue<string>().ShouldBe("sg-once");
        mail["content"]![1]!["value"]!.GetValue<string>().ShouldContain("claim your account");
        _sendGrid.Requests.Count.ShouldBe(1);
        counter.Get("sendgrid/sent").ShouldBe(1);
    }

    [Fact]
    public async Task ProviderAnswers500_ThreeTimes_RetriedAndSentOnce()
    {
        _sendGrid.FailNext(3);
        await using var host = await StartHostAsync("sg_500");
        using var counter = new EmailDeliveryCounter("sg-500");

        var id = await host.EnqueueAsync(Outbox.Message("sg-500"));

        await host.WaitForStatusAsync(id, EmailStatus.Sent);
        _sendGrid.Requests.Count.ShouldBe(4);
        _sendGrid.Accepted.ShouldHaveSingleItem().Key.ShouldBe(id.ToString());
        var row = (await host.RowAsync(id))!;
        row.Attempts.ShouldBe(4);
        row.SentAt.ShouldNotBeNull();
        counter.Get("sendgrid/retried").ShouldBe(3);
        counter.Get("sendgrid/sent").ShouldBe(1);
    }

    [Fact]
    public async Task ProviderTimesOutAfterAccepting_ResentWithTheSameMessageId_MarkedSent()
    {
        _sendGrid.HangOnceAfterAccepting();
        await using var host = await StartHostAsync("sg_timeout", ("Email:SendTimeout", "00:00:00.500"));

        var id = await host.EnqueueAsync(Outbox.Message("sg-timeout"));

        await host.WaitForStatusAsync(id, EmailStatus.Sent);
        _sendGrid.Requests.ShouldBe([id.ToString(), id.ToString()]);
        _sendGrid.Accepted.ShouldHaveSingleItem().Key.ShouldBe(id.ToString());
        (await host.RowAsync(id))!.LastError.ShouldNotBeNull().ShouldContain("Email:SendTimeout");
    }

    [Fact]
    public async Task ProviderRefusesWith400_MarkedFailedNotRetried_Counted()
    {
        _sendGrid.RefuseAll = true;
        await using var host = await StartHostAsync("sg_400");
        using var counter = new EmailDeliveryCounter("sg-400");

        var id = await host.EnqueueAsync(Outbox.Message("sg-400"));

        await host.WaitForStatusAsync(id, EmailStatus.Failed); // final: the dispatcher claims pending rows only
        _sendGrid.Requests.Count.ShouldBe(1);
        (await host.RowAsync(id))!.LastError.ShouldNotBeNull().ShouldContain("400");
        counter.Get("sendgrid/failed").ShouldBe(1);
        counter.Get("sendgrid/retried").ShouldBe(0);
    }

    [Fact]
    public async Task ProviderDownForAWhile_NothingLost_BodiesEncryptedWhileWaiting_DeliveredAndEmptiedWhenItReturns()
    {
        await _sendGrid.StopAsync();
        await using var host = await StartHostAsync("sg_down");
        using var counter = new EmailDeliveryCounter("sg-down");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await host.EnqueueAsync(Outbox.Message("sg-down", $"person{i}@example.nl")));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(counter.Get("sendgrid/retried") >= 6), "retries while SendGrid is down");
        var waiting = (await host.RowAsync(ids[0])).ShouldNotBeNull();
        waiting.Status.ShouldBe(EmailStatus.Pending);
        waiting.TextBody.ShouldStartWith("dp1:", customMessage: "a waiting body is encrypted at rest");
        (waiting.HtmlBody + waiting.TextBody).ShouldNotContain("token=abc", customMessage: "the link in it is not readable from the table");
        await _sendGrid.StartAsync();

        foreach (var id in ids)
        {
            await host.WaitForStatusAsync(id, EmailStatus.Sent);
        }

        _sendGrid.Accepted.Keys.Order().ShouldBe(ids.Select(i => i.ToString()).Order());
        _sendGrid.Accepted[ids[0].ToString()].ToJsonString().ShouldContain("token=abc", customMessage: "the provider got the body as written");
        var sent = (await host.RowAsync(ids[0])).ShouldNotBeNull();
        (sent.HtmlBody, sent.TextBody).ShouldBe(("", ""), "once sent, the body is gone from the table");
    }

    [Fact]
    public async Task ProviderFailingPastGiveUpAfter_MarkedFailed_LoggedAndCounted()
    {
        _sendGrid.FailNext(int.MaxValue);
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await StartHostAsync("sg_give_up", clock);
        using var counter = new EmailDeliveryCounter("sg-give-up");

        var id = await host.EnqueueAsync(Outbox.Message("sg-give-up"));
        await Eventually.HoldsAsync(() => Task.FromResult(counter.Get("sendgrid/retried") == 1), "a first failed attempt");
        (await host.RowAsync(id))!.Status.ShouldBe(EmailStatus.Pending);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await host.WaitForStatusAsync(id, EmailStatus.Failed);
        var row = (await host.RowAsync(id))!;
        row.Attempts.ShouldBe(2);
        row.LastError.ShouldNotBeNull().ShouldStartWith("Gave up after 2 attempts");
        counter.Get("sendgrid/failed").ShouldBe(1);
        _sendGrid.Accepted.ShouldBeEmpty();
    }

    private Task<IdentityHost> StartHostAsync(string name, params (string Key, string Value)[] extra) => StartHostAsync(name, null, extra);

    private async Task<IdentityHost> StartHostAsync(string name, TimeProvider? clock, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Provider"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = FakeSendGrid.ApiKey,
            ["Email:SendGrid:BaseUrl"] = _sendGrid.BaseUrl.ToString(),
            ["Email:SendTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return await new IdentityHost(await servers.NewEnvironmentAsync(name), settings) { Clock = clock }.StartAsync();
    }
}
