using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Absolute links for e-mails, always on the configured <c>Email:PublicOrigin</c> (default
/// <c>Oidc:Issuer</c>) — never on the Host header of the request that caused the mail, which an
/// attacker chooses (a reset link pointing at their own server would hand them the token).
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options)
{
    /// <summary>The origin (with its path base, if any) plus <paramref name="path"/> (starting with one '/') and the query, each value escaped.</summary>
    public Uri Build(string path, params (string Name, string Value)[] query)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\') || path.Contains('?') || path.Contains('#'))
        {
            throw new ArgumentException("The path must be local, start with a single '/' and carry no query or fragment.", nameof(path));
        }

        var origin = options.Value.PublicOrigin ?? throw new InvalidOperationException("Email:PublicOrigin is not configured.");
        var builder = new UriBuilder(new Uri(origin.GetLeftPart(UriPartial.Path).TrimEnd('/') + path))
        {
            Query = string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}")),
        };
        return builder.Uri;
    }
}
