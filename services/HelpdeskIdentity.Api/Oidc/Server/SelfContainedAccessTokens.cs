using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Access tokens are self-contained RFC 9068 JWTs that APIs check with JWKS, so no row is written for each one: the
/// row would cost an INSERT per token request and could never reach the APIs that accept the token. Codes and refresh
/// tokens keep their rows (they make codes single-use and refresh rotation detectable). A user's access token still
/// carries its authorization id, so userinfo and introspection refuse it once that authorization is revoked (logout,
/// password change, code replay). docs/decisions/0021.
/// </summary>
internal sealed class SelfContainedAccessTokens : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<SelfContainedAccessTokens>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 2)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType == TokenTypeIdentifiers.AccessToken)
        {
            context.CreateTokenEntry = false;
        }

        return ValueTask.CompletedTask;
    }
}
