namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// Configuration section <c>Acr</c>: the two <c>acr</c> values the ID token says, and a client may ask for with
/// <c>acr_values</c> (docs/decisions/0038). A session with a second factor (<c>amr</c> holds <c>mfa</c>) is <see cref="MultiFactor"/>.
/// </summary>
public sealed class AcrOptions
{
    public const string Section = "Acr";

    public string SingleFactor { get; set; } = "urn:helpdesk-identity:acr:1fa";

    public string MultiFactor { get; set; } = "urn:helpdesk-identity:acr:mfa";

    /// <summary>The value for a session signed in with these methods.</summary>
    public string For(IReadOnlyCollection<string> methods) => methods.Contains(AuthenticationMethods.MultipleFactors) ? MultiFactor : SingleFactor;
}
