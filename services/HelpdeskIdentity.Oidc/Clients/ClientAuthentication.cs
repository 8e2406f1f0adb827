using HelpdeskIdentity.Oidc.Results;

namespace HelpdeskIdentity.Oidc.Clients;

/// <summary>Who is calling: the client, or the error to answer with; <see cref="UsedBasic"/> decides the 401 challenge.</summary>
public sealed record ClientAuthentication(OidcClient? Client, ProtocolError? Error, bool UsedBasic)
{
    public static ClientAuthentication Failed(ProtocolError error, bool usedBasic) => new(null, error, usedBasic);
}
