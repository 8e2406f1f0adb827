namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>How a journey's browser context is made.</summary>
public sealed record JourneyOptions
{
    /// <summary>The browser's language (navigator.languages and Accept-Language): the portal picks its language from it.</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>Lets injected scripts (axe-core) run on pages whose CSP forbids them; never for a journey that tests the pages as they are.</summary>
    public bool BypassCsp { get; init; }
}
