namespace HelpdeskIdentity.Api.Localization;

/// <summary>Configuration section <c>Languages</c>.</summary>
public sealed class LanguageOptions
{
    public const string Section = "Languages";

    /// <summary>
    /// The language of a page when the browser names none we have, and of an e-mail to someone who never
    /// used the portal (an invitation): en, nl, de or sv.
    /// </summary>
    public string Default { get; set; } = Languages.English;
}
