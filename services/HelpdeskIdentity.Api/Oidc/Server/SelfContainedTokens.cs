using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Access tokens and ID tokens are self-contained JWTs checked with JWKS, so no row is written for either: a row would
/// cost an INSERT per token request (two per refresh) and could never reach the APIs and clients that accept the token.
/// Codes and refresh tokens keep their rows (they make codes single-use and refresh rotation detectable). A user's access
/// token still carries its authorization id, so userinfo and introspection refuse it once that authorization is revoked
/// (logout, password change, code replay); an ID token presented as <c>id_token_hint</c> ends the session its
/// <c>sid</c> names. docs/decisions/0021.
/// </summary>
internal sealed class SelfContainedTokens : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<SelfContainedTokens>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 2)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
        {
            context.CreateTokenEntry = false;
        }

        return ValueTask.CompletedTask;
    }
}
