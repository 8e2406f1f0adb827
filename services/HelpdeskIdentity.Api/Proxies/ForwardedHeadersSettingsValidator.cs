using System.Net;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Proxies;

/// <summary>Fails start-up on an address or network that does not parse, naming its key.</summary>
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings settings)
    {
        var problems = new List<string>();
        for (var i = 0; i < settings.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(settings.KnownProxies[i], out _))
            {
                problems.Add($"{ForwardedHeadersSettings.Section}:KnownProxies:{i} '{settings.KnownProxies[i]}' is not an IP address, e.g. 10.0.0.5.");
            }
        }

        for (var i = 0; i < settings.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(settings.KnownNetworks[i], out _))
            {
                problems.Add($"{ForwardedHeadersSettings.Section}:KnownNetworks:{i} '{settings.KnownNetworks[i]}' is not a network in CIDR form, e.g. 10.0.0.0/24.");
            }
        }

        if (settings.ForwardLimit is < 1 or > 10)
        {
            problems.Add($"{ForwardedHeadersSettings.Section}:ForwardLimit must be between 1 and 10.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
