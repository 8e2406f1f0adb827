using HelpdeskIdentity.Oidc.Results;

namespace HelpdeskIdentity.Oidc.Clients;

/// <summary>Who is calling: the client, or the error to answer with.</summary>
public sealed record ClientAuthentication(OidcClient? Client, ProtocolError? Error)
{
    public static ClientAuthentication Failed(ProtocolError error) => new(null, error);
}
