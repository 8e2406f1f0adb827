using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// SendGrid Web API v3 through the SendGrid SDK's <see cref="SendGridClient"/>, on an HttpClient from
/// IHttpClientFactory (so the SDK's own retries stay off: the outbox retries). 2xx is accepted; 429 and
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
        var client = new SendGridClient(http, new SendGridClientOptions
        {
            ApiKey = settings.SendGrid.ApiKey,
            Host = settings.SendGrid.BaseUrl.ToString().TrimEnd('/'),
        });
        var response = await client.SendEmailAsync(Message(email, MailboxAddress.Parse(settings.From)), cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            throw new EmailRejectedException($"SendGrid refused the e-mail: {status} {response.StatusCode}.");
        }

        throw new HttpRequestException($"SendGrid answered {status} {response.StatusCode}.", null, response.StatusCode);
    }

    private static SendGridMessage Message(EmailOutboxEntry email, MailboxAddress from)
    {
        var message = new SendGridMessage
        {
            From = Address(from.Address, from.Name),
            Subject = email.Subject,
            PlainTextContent = email.TextBody,
            HtmlContent = email.HtmlBody,
            Categories = [email.Category],
            CustomArgs = new Dictionary<string, string> { [MessageIdArgument] = email.Id.ToString() },
        };
        message.AddTo(Address(email.ToAddress, email.ToName));
        return message;
    }

    private static EmailAddress Address(string address, string? name) => new(address, string.IsNullOrEmpty(name) ? null : name);
}
