namespace HelpdeskIdentity.Oidc.Users;

/// <summary>The host's view of a user, for ID tokens and userinfo.</summary>
public interface IProfileService
{
    /// <summary>
    /// The claims the granted scopes allow (e.g. <c>email</c>, <c>email_verified</c> for "email";
    /// <c>name</c> for "profile"; the organisation for "organization"), or null when the user no
    /// longer exists or may not sign in.
    /// </summary>
    Task<IReadOnlyDictionary<string, object>?> GetClaimsAsync(string subjectId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);

    /// <summary>The ID token's claims about how the user signed in (<c>amr</c>, <c>acr</c>) for the session's methods.</summary>
    IReadOnlyDictionary<string, object> AuthenticationClaims(IReadOnlyList<string> methods);
}
