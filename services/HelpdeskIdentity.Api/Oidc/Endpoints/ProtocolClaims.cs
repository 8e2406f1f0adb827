namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>Claim names of ours that OpenIddict has no constant for.</summary>
public static class ProtocolClaims
{
    /// <summary>The browser session a grant came from (OIDC Front-Channel Logout §3, RP-Initiated Logout).</summary>
    public const string SessionId = "sid";

    /// <summary>
    /// Private (never in an issued JWT, only inside codes and refresh tokens): when the refresh token chain started by
    /// this sign-in must end, however often it rotates (<c>Oidc:RefreshTokenAbsoluteLifetime</c>).
    /// </summary>
    public const string RefreshChainEnds = "hdi_refresh_chain_ends";
}
