namespace HelpdeskIdentity.Oidc.Sessions;

/// <summary>A signed-in user: the subject id, when they authenticated, the session id (<c>sid</c>), and how (RFC 8176 <c>amr</c> values).</summary>
public sealed record UserSession(string SubjectId, DateTimeOffset AuthenticatedAt, string SessionId, IReadOnlyList<string>? Methods = null);
