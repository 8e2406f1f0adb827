using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// The development inbox: <c>/dev/mailbox</c> lists the pickup folder newest first and
/// <c>/dev/mailbox/{id}</c> shows one e-mail — its text with clickable links, and its HTML in a
/// sandboxed frame served under a CSP <c>sandbox</c> policy, so a hostile body runs no script on our origin.
/// </summary>
public static partial class DevInboxEndpoints
{
    private const string PageSecurityPolicy = "default-src 'none'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private const string BodySecurityPolicy = "sandbox; default-src 'none'; img-src data: https:; style-src 'unsafe-inline'; frame-ancestors 'self'";

    public static void MapDevInbox(this WebApplication app)
    {
        var mailbox = app.MapGroup("/dev/mailbox");
        mailbox.MapGet("/", (IOptions<EmailOptions> options, HttpContext context) =>
            Page(context, "Mailbox", List(options.Value.PickupDirectory)));
        mailbox.MapGet("/{id}", (string id, IOptions<EmailOptions> options, HttpContext context) =>
            Read(options.Value.PickupDirectory, id) is { } email ? Page(context, email.Header("subject"), Show(id, email)) : Results.NotFound());
        mailbox.MapGet("/{id}/html", (string id, IOptions<EmailOptions> options, HttpContext context) =>
        {
            if (Read(options.Value.PickupDirectory, id) is not { Html: { } html })
            {
                return Results.NotFound();
            }

            context.Response.Headers.ContentSecurityPolicy = BodySecurityPolicy;
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return Results.Content(html, "text/html; charset=utf-8");
        });
    }

    private static EmlMessage? Read(string directory, string id)
    {
        var path = Path.Combine(directory, id + ".eml");
        return IdRegex().IsMatch(id) && File.Exists(path) ? EmlReader.Read(File.ReadAllText(path)) : null;
    }

    private static string List(string directory)
    {
        var rows = new StringBuilder("<table><tr><th>Time (UTC)</th><th>To</th><th>Subject</th></tr>");
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml") : [];
        foreach (var id in files.Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(id => IdRegex().IsMatch(id)).OrderDescending())
        {
            if (Read(directory, id) is not { } email)
            {
                continue; // deleted since the listing
            }

            rows.Append(CultureInvariant($"<tr><td>{E(id[..15])}</td><td>{E(email.Header("to"))}</td><td><a href=\"/dev/mailbox/{E(id)}\">{E(email.Header("subject"))}</a></td></tr>"));
        }

        return rows.Append(files.Length == 0 ? "</table><p>No e-mails yet.</p>" : "</table>").ToString();
    }

    private static string Show(string id, EmlMessage email) => $"""
        <p><a href="/dev/mailbox">All e-mails</a></p>
        <dl><dt>From</dt><dd>{E(email.Header("from"))}</dd><dt>To</dt><dd>{E(email.Header("to"))}</dd>
        <dt>Date</dt><dd>{E(email.Header("date"))}</dd><dt>Message-ID</dt><dd>{E(email.Header("message-id"))}</dd></dl>
        <h2>Text</h2><pre>{Linkify(email.Text ?? "")}</pre>
        <h2>HTML</h2><iframe sandbox src="/dev/mailbox/{E(id)}/html" title="HTML part" width="100%" height="600"></iframe>
        """;

    private static IResult Page(HttpContext context, string title, string body)
    {
        context.Response.Headers.ContentSecurityPolicy = PageSecurityPolicy;
        return Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body><h1>{E(title)}</h1>{body}</body></html>",
            "text/html; charset=utf-8");
    }

    /// <summary>The text, encoded, with each http(s) URL made a link (reset and claim links must be clickable).</summary>
    private static string Linkify(string text)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match url in UrlRegex().Matches(text))
        {
            html.Append(E(text[at..url.Index])).Append(CultureInvariant($"<a href=\"{E(url.Value)}\">{E(url.Value)}</a>"));
            at = url.Index + url.Length;
        }

        return html.Append(E(text[at..])).ToString();
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);

    private static string CultureInvariant(FormattableString value) => FormattableString.Invariant(value);

    [GeneratedRegex(@"^\d{8}T\d{9}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlRegex();
}
