using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// SendGrid Web API v3 (<c>POST /v3/mail/send</c>) over a typed HttpClient. 202 is accepted; 429 and
/// 5xx are retried (an exception); any other 4xx is a refusal. The message id travels in
/// <c>custom_args.hdid_message_id</c>, so a resend after a timeout is recognisable in SendGrid's events.
/// </summary>
public sealed class SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options) : IEmailSender
{
    public const string MessageIdArgument = "hdid_message_id";

    public string Name => "sendgrid";

    public async Task SendAsync(EmailOutboxEntry email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.SendGrid.BaseUrl, "/v3/mail/send"))
        {
            Content = JsonContent.Create(Body(email, new MailAddress(settings.From))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.SendGrid.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            throw new EmailRejectedException($"SendGrid refused the e-mail: {status} {response.ReasonPhrase}.");
        }

        throw new HttpRequestException($"SendGrid answered {status} {response.ReasonPhrase}.", null, response.StatusCode);
    }

    private static JsonObject Body(EmailOutboxEntry email, MailAddress from)
    {
        var messageId = new JsonObject { [MessageIdArgument] = email.Id.ToString() };
        return new JsonObject
        {
            ["personalizations"] = new JsonArray(new JsonObject { ["to"] = new JsonArray(Address(email.ToAddress, email.ToName)) }),
            ["from"] = Address(from.Address, from.DisplayName),
            ["subject"] = email.Subject,
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text/plain", ["value"] = email.TextBody },
                new JsonObject { ["type"] = "text/html", ["value"] = email.HtmlBody }),
            ["categories"] = new JsonArray(email.Category),
            ["custom_args"] = messageId,
        };
    }

    private static JsonObject Address(string address, string? name) =>
        string.IsNullOrEmpty(name) ? new JsonObject { ["email"] = address } : new JsonObject { ["email"] = address, ["name"] = name };
}
