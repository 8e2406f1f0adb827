using System.Net;
using System.Text.RegularExpressions;
using HelpdeskIdentity.IntegrationTests.Email;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Telemetry;

/// <summary>
/// The service binary exporting to an OTLP receiver whose traces are decoded: one ticket with invitations on
/// becomes one trace from the bus message through the database to the e-mail sent through SendGrid, and no
/// link, token or password a user handles ever reaches a span or a log.
/// </summary>
public sealed partial class TraceTests(LocalServers servers) : IAsyncLifetime
{
    private const string Password = "a long new password for the trace test";
    private readonly FakeSendGrid _sendGrid = new();

    public async ValueTask InitializeAsync() => await _sendGrid.StartAsync();

    public ValueTask DisposeAsync() => _sendGrid.DisposeAsync();

    [Fact]
    public async Task TicketWithInvitation_OneTraceFromTheBusMessageThroughTheDatabaseToTheSendGridCall()
    {
        await using var run = await StartAsync("trace_one");

        await run.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"traced@{Senders.UniqueDomain()}"));

        await Eventually.HoldsAsync(() => Task.FromResult(_sendGrid.Accepted.Count == 1), "the invitation reached SendGrid", TimeSpan.FromSeconds(30));
        var send = await SpanAsync(run.Collector, s => s.Name == "email.send");
        var http = await SpanAsync(run.Collector, s => s.TraceId == send.TraceId && s.Scope == "System.Net.Http");
        http.ParentSpanId.ShouldBe(send.SpanId, "the SendGrid call is part of the send");
        http.Attribute("url.full").ShouldNotBeNull().ShouldEndWith("/v3/mail/send");
        var trace = await WaitForAsync(() => run.Collector.Spans().Where(s => s.TraceId == send.TraceId).ToList(),
            spans => spans.Any(s => s.ParentSpanId.Length == 0), "the trace's root span is exported");
        var root = trace.Where(s => s.ParentSpanId.Length == 0).ShouldHaveSingleItem("one root: " + string.Join(", ", trace.Select(s => $"{s.Scope}:{s.Name}")));
        (root.Scope, root.Name).ShouldBe(("MassTransit", "helpdesk-identity.ticket-received receive"), "the bus message starts the trace");
        trace.ShouldContain(s => s.Scope == "MassTransit" && s.Name == "helpdesk-identity.ticket-received process");
        trace.ShouldContain(s => s.Name == "ticket.intake");
        trace.ShouldContain(s => s.Scope == "Npgsql", "the database work is in it");
        trace.Select(s => s.SpanId).ShouldContain(send.ParentSpanId, "the send's parent is the activity that enqueued the e-mail");
    }

    [Fact]
    public async Task SetPasswordAndRegisterLinks_TheirTokensAndThePasswordNeverReachASpanOrALog()
    {
        await using var run = await StartAsync("trace_secrets");
        await run.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), $"secret@{Senders.UniqueDomain()}"));
        await Eventually.HoldsAsync(() => Task.FromResult(_sendGrid.Accepted.Count == 1), "the invitation reached SendGrid", TimeSpan.FromSeconds(30));
        var token = SetPasswordToken().Match(_sendGrid.Accepted.Values.Single().ToJsonString()).Groups[1].Value;
        token.Length.ShouldBeGreaterThan(20);
        const string RegisterToken = "register-token-that-must-not-be-exported";

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(run.Service.Url) };
        var page = await browser.GetStringAsync(new Uri($"/account/set-password?token={token}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var set = await browser.PostAsync(new Uri("/account/set-password", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["__RequestVerificationToken"] = BrowserClient.AntiforgeryToken(page),
            ["Input.NewPassword"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }), TestContext.Current.CancellationToken);
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password was set");
        using var register = await browser.GetAsync(new Uri($"/account/register/confirm?token={RegisterToken}", UriKind.Relative), TestContext.Current.CancellationToken);

        var accountSpans = await WaitForAsync(
            () => run.Collector.Spans().Where(s => s.Attribute("url.path") is { } path && path.StartsWith("/account/", StringComparison.Ordinal)).ToList(),
            spans => spans.Count >= 3, "the three account page requests are exported");
        accountSpans.ShouldAllBe(s => s.Attribute("url.query") == null, "no query string of an account page is kept");
        await Eventually.HoldsAsync(() => Task.FromResult(run.Collector.Received("logs", "invited to claim")), "the intake's logs are exported");
        foreach (var signal in new[] { "traces", "logs", "metrics" })
        {
            foreach (var secret in new[] { token, RegisterToken, Password })
            {
                run.Collector.Received(signal, secret).ShouldBeFalse($"{signal} carry {secret}");
            }
        }
    }

    private static async Task<OtlpSpan> SpanAsync(OtlpReceiver collector, Func<OtlpSpan, bool> match) =>
        (await WaitForAsync(() => collector.Spans().FirstOrDefault(match), span => span is not null, "the span is exported")).ShouldNotBeNull();

    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done, string what)
    {
        var value = read();
        await Eventually.HoldsAsync(() => Task.FromResult(done(value = read())), what);
        return value;
    }

    private async Task<Run> StartAsync(string name)
    {
        var environment = await servers.NewEnvironmentAsync(name);
        var collector = await OtlpReceiver.StartAsync();
        var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing", // cookies over plain HTTP, as the in-process tests have them
            ["ConnectionStrings__Identity"] = environment.ConnectionString,
            ["RabbitMq__Url"] = environment.AmqpUrl,
            ["Oidc__Issuer"] = IdentityHost.Issuer,
            ["Accounts__Invitation__Enabled"] = "true",
            ["Email__Provider"] = "SendGrid",
            ["Email__SendGrid__ApiKey"] = FakeSendGrid.ApiKey,
            ["Email__SendGrid__BaseUrl"] = _sendGrid.BaseUrl.ToString(),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        return new Run(collector, service, await TestBus.ConnectAsync(environment.AmqpUrl));
    }

    [GeneratedRegex(@"/account/set-password\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex SetPasswordToken();

    private sealed record Run(OtlpReceiver Collector, ServiceProcess Service, TestBus Bus) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Bus.DisposeAsync();
            await Service.DisposeAsync();
            await Collector.DisposeAsync();
        }
    }
}
