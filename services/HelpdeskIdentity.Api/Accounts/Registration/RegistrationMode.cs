namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>Who may open an account on the register page (<c>Registration:Mode</c>, docs/decisions/0017).</summary>
public enum RegistrationMode
{
    /// <summary>Nobody: accounts come from tickets and operators only.</summary>
    Closed,

    /// <summary>Addresses at a domain of an organisation whose self-registration is on (the default).</summary>
    KnownDomains,

    /// <summary>Any address, except at an organisation whose self-registration is off.</summary>
    Open,
}
