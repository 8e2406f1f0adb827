namespace HelpdeskIdentity.Oidc.Grants;

public enum RefreshTokenUseResult
{
    /// <summary>The token was current: it is now spent and <see cref="RefreshTokenUse.Token"/> is its stored successor.</summary>
    Accepted,

    /// <summary>Unknown, expired or revoked.</summary>
    Invalid,

    /// <summary>Already spent: someone replayed it; the family is now revoked.</summary>
    ReuseDetected,

    /// <summary>Current, but asked for a scope it was not granted; still unspent; <see cref="RefreshTokenUse.GrantedScopes"/> says what it was granted.</summary>
    ScopeNotGranted,
}

public sealed record RefreshTokenUse(RefreshTokenUseResult Result, RefreshToken? Token, IReadOnlyList<string>? GrantedScopes = null);
