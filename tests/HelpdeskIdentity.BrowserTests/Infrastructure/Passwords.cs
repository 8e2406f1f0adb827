namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>Passwords the default (nist) policy accepts: long, not common, not containing the address or name.</summary>
public static class Passwords
{
    public const string Journey = "violet trams hum under the old bridge";
}
