namespace HelpdeskIdentity.Oidc.Sessions;

/// <summary>A signed-in user: the subject id, when they authenticated, and the session id (<c>sid</c>).</summary>
public sealed record UserSession(string SubjectId, DateTimeOffset AuthenticatedAt, string SessionId);
