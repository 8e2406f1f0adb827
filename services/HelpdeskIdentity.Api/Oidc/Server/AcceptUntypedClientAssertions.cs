using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// <c>private_key_jwt</c> as RFC 7523 §3 defines it: OpenIddict 7 accepts only assertions typed
/// <c>client-authentication+jwt</c> (the draft that revises RFC 7523), but clients in the field (npm's openid-client
/// among them) send <c>typ: JWT</c>. Such an assertion is accepted as a client assertion — it still has to be signed
/// by a key the client registered, name the client as issuer and subject and this provider as audience, and be fresh
/// and single-use, all checked by OpenIddict. Only where a client assertion, and nothing else, is expected.
/// </summary>
internal sealed class AcceptUntypedClientAssertions : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor BeforeValidation { get; } = Descriptor(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 2);

    public static OpenIddictServerHandlerDescriptor AfterValidation { get; } = Descriptor(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 1);

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.ValidTokenTypes.Count != 1 || !context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion))
        {
            return ValueTask.CompletedTask;
        }

        if (context.Principal is null)
        {
            context.TokenValidationParameters.ValidTypes = [.. context.TokenValidationParameters.ValidTypes ?? [], JsonWebTokenTypes.GenericJsonWebToken];
        }
        else if (context.Principal.GetTokenType() == TokenTypeIdentifiers.IdentityToken)
        {
            context.Principal.SetTokenType(TokenTypeIdentifiers.Private.ClientAssertion);
        }

        return ValueTask.CompletedTask;
    }

    private static OpenIddictServerHandlerDescriptor Descriptor(int order) => OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<AcceptUntypedClientAssertions>()
        .SetOrder(order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();
}
