namespace HelpdeskIdentity.Oidc.Grants;

public enum RefreshTokenUseResult
{
    /// <summary>The token was current: it is now spent and <see cref="RefreshTokenUse.Token"/> is its stored successor.</summary>
    Accepted,

    /// <summary>Unknown, expired or revoked.</summary>
    Invalid,

    /// <summary>Already spent: someone replayed it; the family is now revoked.</summary>
    ReuseDetected,
}

public sealed record RefreshTokenUse(RefreshTokenUseResult Result, RefreshToken? Token);
