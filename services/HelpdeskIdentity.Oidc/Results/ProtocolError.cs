namespace HelpdeskIdentity.Oidc.Results;

/// <summary>An OAuth 2 error (RFC 6749 §5.2): the code a client acts on, a description a developer reads.</summary>
public sealed record ProtocolError(string Error, string Description, int StatusCode = 400)
{
    public static ProtocolError InvalidRequest(string description) => new("invalid_request", description);

    public static ProtocolError InvalidClient(string description) => new("invalid_client", description, 401);

    public static ProtocolError InvalidGrant(string description) => new("invalid_grant", description);

    public static ProtocolError UnauthorizedClient(string description) => new("unauthorized_client", description);

    public static ProtocolError UnsupportedGrantType(string description) => new("unsupported_grant_type", description);

    public static ProtocolError InvalidScope(string description) => new("invalid_scope", description);
}
