using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// An access token or ID token has no row (<see cref="SelfContainedTokens"/>), so OpenIddict cannot take its
/// authorization from the row and would skip the check that the grant still stands. The token carries its authorization
/// id (<c>oi_au_id</c>) inside; this hands it to OpenIddict, whose own <c>ValidateAuthorizationEntry</c> then refuses a
/// token whose grant was revoked (logout, password or address change, an operator's action, a replayed code) or pruned:
/// at userinfo, introspection, and as an <c>id_token_hint</c> at end-session — an old ID token left in a browser history
/// or a proxy log cannot end someone's later session.
/// </summary>
internal sealed class GrantOfSelfContainedTokens : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<GrantOfSelfContainedTokens>()
        .SetOrder(OpenIddictServerHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is { } principal && string.IsNullOrEmpty(context.AuthorizationId) && string.IsNullOrEmpty(principal.GetTokenId())
            && principal.GetTokenType() is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
        {
            context.AuthorizationId = principal.GetAuthorizationId();
        }

        return ValueTask.CompletedTask;
    }
}
