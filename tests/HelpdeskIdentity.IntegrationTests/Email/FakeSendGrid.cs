using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpdeskIdentity.IntegrationTests.Email;

/// <summary>
/// A stand-in for SendGrid's <c>POST /v3/mail/send</c> on a fixed loopback port: checks the key and
/// the JSON as SendGrid does (400 with an errors list), answers 202, and keeps each accepted message
/// once per <c>custom_args.hdid_message_id</c>, as a receiver that dedupes would. It can be told to
/// answer 500 a number of times, to hang once past the client's timeout after accepting, to refuse
/// everything with 400, and it can be stopped and started again on the same port.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key.not-a-secret";

    private readonly int _port = FreePorts.Find(19500, 19999);
    private readonly ConcurrentDictionary<string, JsonObject> _accepted = new();
    private readonly ConcurrentQueue<string> _requestIds = new();
    private WebApplication? _app;
    private int _failuresToGo;
    private int _hangsToGo;

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}");

    /// <summary>Accepted messages, one per hdid_message_id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Accepted => _accepted;

    /// <summary>The hdid_message_id of every well-formed request, accepted or not, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requestIds];

    public bool RefuseAll { get; set; }

    public void FailNext(int times) => _failuresToGo = times;

    public void HangOnceAfterAccepting() => _hangsToGo = 1;

    public async Task<FakeSendGrid> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(BaseUrl.ToString());
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/mail/send", HandleAsync);
        await _app.StartAsync();
        return this;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            return Error(401, "The provided authorization grant is invalid, expired, or revoked");
        }

        var mail = await JsonNode.ParseAsync(request.Body) as JsonObject;
        if (Invalid(mail) is { } problem)
        {
            return Error(400, problem);
        }

        var id = mail!["custom_args"]?["hdid_message_id"]?.GetValue<string>() ?? "";
        _requestIds.Enqueue(id);
        if (RefuseAll)
        {
            return Error(400, "The from address does not match a verified Sender Identity.");
        }

        if (Interlocked.Decrement(ref _failuresToGo) >= 0)
        {
            return Results.StatusCode(500);
        }

        _accepted.TryAdd(id, mail);
        if (Interlocked.Decrement(ref _hangsToGo) == 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), request.HttpContext.RequestAborted);
        }

        return Results.StatusCode(202);
    }

    /// <summary>What SendGrid checks before accepting: recipients, sender, subject, content with text/plain first.</summary>
    private static string? Invalid(JsonObject? mail)
    {
        if (mail?["personalizations"] is not JsonArray { Count: > 0 } personalizations
            || personalizations.Any(p => p?["to"] is not JsonArray { Count: > 0 } to || to.Any(t => string.IsNullOrEmpty(t?["email"]?.GetValue<string>()))))
        {
            return "The personalizations field is required and must have at least one personalization with a to address.";
        }

        if (string.IsNullOrEmpty(mail["from"]?["email"]?.GetValue<string>()))
        {
            return "The from object must be provided for every email send.";
        }

        if (string.IsNullOrEmpty(mail["subject"]?.GetValue<string>()))
        {
            return "The subject is required.";
        }

        if (mail["content"] is not JsonArray { Count: > 0 } content || content.Any(c => string.IsNullOrEmpty(c?["value"]?.GetValue<string>())))
        {
            return "Unless a valid template_id is provided, the content parameter is required.";
        }

        var types = content.Select(c => c?["type"]?.GetValue<string>()).ToList();
        return types[0] == "text/plain" && types.Skip(1).All(t => t != "text/plain")
            ? null
            : "If present, text/plain must be first, followed by any other content.";
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new { errors = new[] { new { message } } }, statusCode: status);
}
