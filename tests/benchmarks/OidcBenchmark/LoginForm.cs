using System.Net;
using System.Text.RegularExpressions;

namespace OidcBenchmark;

/// <summary>
/// The sign-in page's form as a browser sees it: where it posts, and its hidden inputs (the antiforgery
/// token <c>__RequestVerificationToken</c> among them). Attributes may come in any order.
/// </summary>
internal sealed partial record LoginForm(Uri Action, IReadOnlyDictionary<string, string> HiddenFields)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <exception cref="BenchmarkException">The page has no post form or no antiforgery token.</exception>
    public static LoginForm Parse(string html, Uri pageUrl)
    {
        var form = Tag().Matches(html).Select(t => Attributes(t.Value))
            .FirstOrDefault(a => a.TryGetValue("<", out var name) && name == "form"
                && a.TryGetValue("method", out var method) && method.Equals("post", StringComparison.OrdinalIgnoreCase))
            ?? throw new BenchmarkException($"The page {pageUrl} has no <form method=\"post\">.");
        var action = form.TryGetValue("action", out var target) && target.Length > 0 ? new Uri(pageUrl, target) : pageUrl;

        var hidden = Tag().Matches(html).Select(t => Attributes(t.Value))
            .Where(a => a["<"] == "input" && a.TryGetValue("type", out var type) && type.Equals("hidden", StringComparison.OrdinalIgnoreCase)
                && a.ContainsKey("name"))
            .GroupBy(a => a["name"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().GetValueOrDefault("value", ""), StringComparer.Ordinal);
        return hidden.TryGetValue(AntiforgeryField, out var token) && token.Length > 0
            ? new LoginForm(action, hidden)
            : throw new BenchmarkException($"The page {pageUrl} has no antiforgery token ({AntiforgeryField}) in its form.");
    }

    /// <summary>The hidden fields plus the address and password, as the browser posts them.</summary>
    public FormUrlEncodedContent Content(string email, string password) =>
        new(HiddenFields.Append(new("Input.Email", email)).Append(new("Input.Password", password)));

    /// <summary>A tag's lower-case name (under the key "&lt;") and its double-quoted attributes, HTML-decoded.</summary>
    private static Dictionary<string, string> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["<"] = TagName().Match(tag).Groups[1].Value.ToLowerInvariant(),
        };
        foreach (Match attribute in Attribute().Matches(tag))
        {
            attributes.TryAdd(attribute.Groups[1].Value, WebUtility.HtmlDecode(attribute.Groups[2].Value));
        }

        return attributes;
    }

    [GeneratedRegex("""<(?:form|input)\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex("""^<([A-Za-z]+)""")]
    private static partial Regex TagName();

    [GeneratedRegex(@"\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*""([^""]*)""")]
    private static partial Regex Attribute();
}
