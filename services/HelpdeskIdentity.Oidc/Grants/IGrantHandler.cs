using HelpdeskIdentity.Oidc.Clients;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>One grant type at the token endpoint, for an already authenticated client allowed to use it.</summary>
public interface IGrantHandler
{
    string GrantType { get; }

    Task<IResult> HandleAsync(OidcClient client, IFormCollection form, CancellationToken cancellationToken);
}
