using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Organizations;

/// <summary>
/// Checks <c>Organizations</c>: each entry is a domain name as addresses are compared (lower-case is applied, but the
/// ASCII form, <c>xn--…</c> for an internationalised name, is the caller's), or in the public list <c>name.*</c> for any
/// suffix. An entry that could never match an address is a mistake to say at start-up, not a list that silently differs.
/// </summary>
internal sealed class OrganizationOptionsValidator : OptionsValidator<OrganizationOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(OrganizationOptions o)
    {
        foreach (var entry in o.ExtraPublicMailDomains.Where(e => !IsDomain(e.EndsWith(".*", StringComparison.Ordinal) ? e[..^2] : e)))
        {
            yield return (false, $"Organizations:ExtraPublicMailDomains: '{entry}' is not a domain name in its ASCII form (xn--… for an internationalised one) or name.* for any suffix.");
        }

        foreach (var entry in o.NotPublicMailDomains.Where(e => !IsDomain(e)))
        {
            yield return (false, $"Organizations:NotPublicMailDomains: '{entry}' is not a domain name in its ASCII form (xn--… for an internationalised one); no wildcards here.");
        }
    }

    /// <summary>Letters, digits, hyphens and dots, no empty label: what an address's domain can be compared with.</summary>
    private static bool IsDomain(string entry)
    {
        var name = entry.Trim();
        return name.Length is > 0 and <= 253
            && name.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
