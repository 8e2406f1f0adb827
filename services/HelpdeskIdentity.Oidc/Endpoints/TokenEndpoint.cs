using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Results;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>
/// <c>/connect/token</c> (RFC 6749 §3.2): authenticates the client, checks it may use the grant
/// type, and hands the request to that grant's handler.
/// </summary>
public sealed class TokenEndpoint(ClientAuthenticator authenticator, IEnumerable<IGrantHandler> handlers)
{
    private readonly Dictionary<string, IGrantHandler> _handlers = handlers.ToDictionary(h => h.GrantType, StringComparer.Ordinal);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var request = await ProtocolRequest.AuthenticateAsync(context, authenticator);
        if (request is not { Form: { } form, Client: { } client })
        {
            return request.Refusal!;
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return JsonResult.Error(ProtocolError.InvalidRequest("grant_type is required."));
        }

        if (!_handlers.TryGetValue(grantType, out var handler))
        {
            return JsonResult.Error(ProtocolError.UnsupportedGrantType($"The grant type '{grantType}' is not supported."));
        }

        return client.AllowedGrantTypes.Contains(grantType)
            ? await handler.HandleAsync(client, form, cancellationToken)
            : JsonResult.Error(ProtocolError.UnauthorizedClient($"This client may not use {grantType}."));
    }
}
