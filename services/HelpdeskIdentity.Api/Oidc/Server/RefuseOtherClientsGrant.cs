using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// At the token endpoint, a code or refresh token presented by a client it was not issued to is <c>invalid_grant</c>
/// before anything looks at whether it was spent. OpenIddict checks the presenter only after its token-entry check,
/// which — like <see cref="RevokeReplayedGrant"/> — revokes the grant of a spent token: so any other registered client
/// that learned a used code or refresh token could end its owner's grant. Only the client it was issued to can
/// replay it now (RFC 6749 §4.1.3: the code was issued to the authenticated client; §10.4 for refresh tokens).
/// </summary>
internal sealed class RefuseOtherClientsGrant : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RefuseOtherClientsGrant>()
        .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 2)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.Token
            && context.Transaction.Request?.ClientId is { Length: > 0 } clientId
            && context.Principal?.GetPresenters() is { IsDefaultOrEmpty: false } presenters
            && !presenters.Contains(clientId, StringComparer.Ordinal))
        {
            context.Reject(Errors.InvalidGrant, "The token was issued to another client.");
        }

        return ValueTask.CompletedTask;
    }
}
