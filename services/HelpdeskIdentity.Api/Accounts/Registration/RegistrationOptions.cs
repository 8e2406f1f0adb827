namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>Configuration section <c>Registration</c>: self-registration on <c>/account/register</c> (docs/decisions/0017).</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary><c>closed</c>, <c>known-domains</c> (default) or <c>open</c>.</summary>
    public string Mode { get; set; } = "known-domains";

    /// <summary>Whether an organisation named in neither list below lets its people register themselves.</summary>
    public bool AllowByDefault { get; set; } = true;

    /// <summary>Organisations (each named by one of its domains) whose self-registration is on.</summary>
    public List<string> AllowOrganizations { get; set; } = [];

    /// <summary>Organisations (each named by one of its domains) whose self-registration is off, in every mode.</summary>
    public List<string> DenyOrganizations { get; set; } = [];

    /// <summary>How long a verification link works (5 minutes to 7 days).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the worker looks for requests another instance accepted (this instance's wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The parsed <see cref="Mode"/>; null when it is none of the three.</summary>
    public RegistrationMode? ParsedMode => Mode?.Trim().ToLowerInvariant() switch
    {
        "closed" => RegistrationMode.Closed,
        "known-domains" => RegistrationMode.KnownDomains,
        "open" => RegistrationMode.Open,
        _ => null,
    };
}
