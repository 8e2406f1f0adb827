using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Organizations;

/// <summary>
/// The bundled list of public mail providers (Organizations/public-mail-domains.txt) plus the
/// operator's additions and exceptions. An address at one of these never forms an organisation.
/// </summary>
public sealed class PublicMailDomains
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _anySuffix = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notPublic;

    public PublicMailDomains(IOptions<OrganizationOptions> options)
    {
        foreach (var entry in Bundled().Concat(options.Value.ExtraPublicMailDomains))
        {
            var domain = entry.Trim().ToLowerInvariant();
            if (domain.EndsWith(".*", StringComparison.Ordinal))
            {
                _anySuffix.Add(domain[..^2]);
            }
            else
            {
                _exact.Add(domain);
            }
        }

        _notPublic = options.Value.NotPublicMailDomains.Select(d => d.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True for a provider's domain (given in lower-case ASCII form, as on <c>MailboxAddress.Domain</c>).</summary>
    public bool IsPublic(string domain)
    {
        if (_notPublic.Contains(domain))
        {
            return false;
        }

        if (_exact.Contains(domain))
        {
            return true;
        }

        // "hotmail.*": the first label names the provider, the rest is a public suffix such as "co.uk".
        var firstDot = domain.IndexOf('.', StringComparison.Ordinal);
        return firstDot > 0 && _anySuffix.Contains(domain[..firstDot]);
    }

    private static IEnumerable<string> Bundled()
    {
        using var stream = typeof(PublicMailDomains).Assembly.GetManifestResourceStream(
            "HelpdeskIdentity.Api.Organizations.public-mail-domains.txt")
            ?? throw new InvalidOperationException("The bundled public mail domain list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
