using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// A browser without JavaScript against the in-process host: keeps cookies, does not follow redirects
/// (tests look at them), reads a page's form and posts it back with its antiforgery token.
/// </summary>
public sealed partial class BrowserClient : IDisposable
{
    private readonly HttpClient _client;

    /// <param name="clientIp">The client IP the service sees (<see cref="TestClientAddress"/>); none by default.</param>
    public BrowserClient(IdentityHost host, string? clientIp = null)
    {
        _client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (clientIp is not null)
        {
            _client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientIp);
        }
    }

    /// <summary>Against a running service (a container stack): <paramref name="client"/> must keep cookies and not follow redirects.</summary>
    public BrowserClient(HttpClient client) => _client = client;

    /// <summary>Headers every request sends, e.g. the browser's Accept-Language.</summary>
    public System.Net.Http.Headers.HttpRequestHeaders Headers => _client.DefaultRequestHeaders;

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, then posts its first form as a browser would: its hidden fields
    /// (the antiforgery token among them) plus <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, IDictionary<string, string> fields)
    {
        var html = FirstForm(await GetPageAsync(pageUrl));
        AntiforgeryToken(html);
        var form = HiddenFields(html);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await PostAsync(FormAction(html) ?? pageUrl, form);
    }

    /// <summary>Posts form fields as they are (a name may repeat): no token is added.</summary>
    public Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>The parsed <c>Set-Cookie</c> of the cookie called <paramref name="name"/>, or null.</summary>
    public static SetCookieHeaderValue? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList()).LastOrDefault(c => c.Name.Equals(name, StringComparison.Ordinal))
            : null;

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new ShouldAssertException("The page has no antiforgery token in its form.");

    public void Dispose() => _client.Dispose();

    /// <summary>The page from its first post form to that form's end (the whole page when it has none).</summary>
    private static string FirstForm(string html)
    {
        var start = FormTag().Match(html) is { Success: true } form ? form.Index : 0;
        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..(end + "</form>".Length)];
    }

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html)
            .Select(input => (Name: InputName().Match(input.Value), Value: InputValue().Match(input.Value)))
            .Where(field => field.Name.Success)
            .ToDictionary(
                field => WebUtility.HtmlDecode(field.Name.Groups[1].Value),
                field => field.Value.Success ? WebUtility.HtmlDecode(field.Value.Groups[1].Value) : "");

    private static string? FormAction(string html) =>
        FormTag().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"[^>]*>""")]
    private static partial Regex TokenInput();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("\\sname=\"([^\"]*)\"")]
    private static partial Regex InputName();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex InputValue();

    [GeneratedRegex("""<form[^>]*method="post"[^>]*action="([^"]*)"[^>]*>""")]
    private static partial Regex FormTag();
}
