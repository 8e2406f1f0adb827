namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>Configuration section <c>Accounts:EmailChange</c>: changing the address of a signed-in account.</summary>
public sealed class EmailChangeOptions
{
    /// <summary>How long the confirmation link sent to the new address works (5 minutes to 7 days).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}
