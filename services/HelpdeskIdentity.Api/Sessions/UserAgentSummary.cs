namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// "Firefox on Windows": what the account page shows of a session's browser. Only a browser and a system from short
/// fixed lists are kept, never the raw header (which is untrusted text and a fingerprint).
/// </summary>
public static class UserAgentSummary
{
    // Order matters: Edge and Opera also say Chrome; Chrome also says Safari.
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public const string Unknown = "Unknown browser";

    public static string Of(string? userAgent)
    {
        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => Unknown,
            (null, { } os) => $"{Unknown} on {os}",
            ({ } b, null) => b,
            ({ } b, { } os) => $"{b} on {os}",
        };
    }

    private static string? Find((string Token, string Name)[] candidates, string? userAgent) =>
        string.IsNullOrEmpty(userAgent) ? null
            : candidates.FirstOrDefault(c => userAgent.Contains(c.Token, StringComparison.Ordinal)).Name;
}
