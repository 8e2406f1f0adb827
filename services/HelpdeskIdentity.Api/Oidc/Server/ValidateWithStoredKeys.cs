using HelpdeskIdentity.Oidc.Keys;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Our own JWTs are checked against the keys of our key ring: the published ones for access tokens, and every key we
/// ever signed with for an <c>id_token_hint</c> — an ID token outlives its key's stay in JWKS, and logout must not
/// break after a rotation. Client assertions (<c>private_key_jwt</c>) keep OpenIddict's resolver: the client's keys.
/// </summary>
internal sealed class ValidateWithStoredKeys(SigningKeys keys) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<ValidateWithStoredKeys>()
        .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion))
        {
            return;
        }

        var set = await keys.GetAsync(context.CancellationToken);
        context.TokenValidationParameters.IssuerSigningKeys = context.ValidTokenTypes.SetEquals([TokenTypeIdentifiers.IdentityToken])
            ? set.EveryKey
            : set.ValidationKeys;
    }
}
