using HelpdeskIdentity.Oidc.Keys;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>JWKS lists the keys our key ring publishes now: the next key before it signs, retired keys until the tokens they signed expire.</summary>
internal sealed class PublishStoredKeys(SigningKeys keys) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
        .UseSingletonHandler<PublishStoredKeys>()
        .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningKeys.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        var set = await keys.GetAsync(context.CancellationToken);
        context.Keys.Clear();
        context.Keys.AddRange(set.ValidationKeys.OfType<JsonWebKey>());
    }
}
