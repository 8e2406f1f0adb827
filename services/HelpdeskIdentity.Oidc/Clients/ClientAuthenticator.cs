using System.Text;
using HelpdeskIdentity.Oidc.Results;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Clients;

/// <summary>
/// Authenticates the client of a back-channel request (RFC 6749 §2.3): <c>client_secret_basic</c>,
/// <c>client_secret_post</c>, or — for public clients — <c>none</c> (just <c>client_id</c>). Exactly
/// one method per request; the same answer for an unknown client and a wrong secret.
/// </summary>
public sealed class ClientAuthenticator(IClientStore clients)
{
    public async Task<ClientAuthentication> AuthenticateAsync(HttpRequest request, IFormCollection form, CancellationToken cancellationToken)
    {
        var basic = ReadBasic(request);
        if (basic is { Error: { } malformed })
        {
            return ClientAuthentication.Failed(malformed);
        }

        var postedId = form["client_id"].ToString();
        var postedSecret = form["client_secret"].ToString();
        if (basic is not null && (postedSecret.Length > 0 || (postedId.Length > 0 && postedId != basic.ClientId)))
        {
            return ClientAuthentication.Failed(ProtocolError.InvalidRequest("Use one client authentication method, not several."));
        }

        var clientId = basic?.ClientId ?? postedId;
        var secret = basic?.Secret ?? (postedSecret.Length > 0 ? postedSecret : null);
        if (clientId.Length == 0)
        {
            return ClientAuthentication.Failed(ProtocolError.InvalidClient("Client authentication is required."));
        }

        var client = await clients.FindAsync(clientId, cancellationToken);
        var authenticated = client switch
        {
            { Type: ClientType.Confidential } => secret is not null && ClientSecrets.Matches(secret, client.SecretHashes),
            { Type: ClientType.Public } => secret is null,
            _ => false,
        };
        return authenticated
            ? new ClientAuthentication(client, null)
            : ClientAuthentication.Failed(ProtocolError.InvalidClient("The client is unknown or its credentials are wrong."));
    }

    private static BasicCredentials? ReadBasic(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined.
                return new BasicCredentials(Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')), null);
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }

        return new BasicCredentials("", "", ProtocolError.InvalidClient("The Authorization header is not valid Basic credentials."));
    }

    private sealed record BasicCredentials(string ClientId, string Secret, ProtocolError? Error);
}
