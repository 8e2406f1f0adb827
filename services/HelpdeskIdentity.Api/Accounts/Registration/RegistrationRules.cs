using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// The decision table of self-registration (docs/decisions/0017): the mode, whether the domain is a public
/// mail provider's, and the organisation that owns the domain exactly (if any) with its switch.
/// </summary>
public sealed class RegistrationRules
{
    private readonly RegistrationMode _mode;
    private readonly bool _allowByDefault;
    private readonly HashSet<string> _allow;
    private readonly HashSet<string> _deny;

    public RegistrationRules(IOptions<RegistrationOptions> options)
    {
        _mode = options.Value.ParsedMode ?? RegistrationMode.Closed;
        _allowByDefault = options.Value.AllowByDefault;
        _allow = Domains(options.Value.AllowOrganizations);
        _deny = Domains(options.Value.DenyOrganizations);
    }

    /// <param name="isPublicProvider">The domain is on the public mail provider list.</param>
    /// <param name="organizationDomains">Every domain of the organisation that owns the address's domain; null when none does.</param>
    /// <param name="organizationSwitch">That organisation's operator switch (admin API), which wins over the lists; null when unset.</param>
    public RegistrationVerdict Decide(bool isPublicProvider, IReadOnlyCollection<string>? organizationDomains, bool? organizationSwitch = null)
    {
        if (_mode == RegistrationMode.Closed)
        {
            return RegistrationVerdict.Closed;
        }

        if (organizationDomains is { Count: > 0 })
        {
            return SelfRegistrationOn(organizationDomains, organizationSwitch) ? RegistrationVerdict.Allowed : RegistrationVerdict.OrganizationRefuses;
        }

        if (_mode == RegistrationMode.Open)
        {
            return RegistrationVerdict.Allowed;
        }

        return isPublicProvider ? RegistrationVerdict.PublicProvider : RegistrationVerdict.UnknownOrganization;
    }

    /// <summary>
    /// An organisation's switch: the operator's when set (docs/decisions/0033); else off when any of its domains is denied,
    /// on when any is allowed, else the default.
    /// </summary>
    public bool SelfRegistrationOn(IReadOnlyCollection<string> organizationDomains, bool? organizationSwitch = null) =>
        organizationSwitch ?? (!organizationDomains.Any(_deny.Contains) && (_allowByDefault || organizationDomains.Any(_allow.Contains)));

    /// <summary>The configured domains in the form organisations store them (lower-case A-labels); validation refuses bad ones at start-up.</summary>
    internal static HashSet<string> Domains(IEnumerable<string> entries) =>
        entries.Select(entry => MailboxParser.Parse("x@" + entry.Trim()).Mailbox?.Domain).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
