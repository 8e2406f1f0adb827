using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.ResourceIndicators;

/// <summary>
/// RFC 8707 §2.2 at the token endpoint: a code or refresh token request may name only resources its grant covers
/// (<c>oi_rsrc</c>, all audiences of the granted scopes, or those named at the authorization request), else
/// <c>invalid_target</c> — OpenIddict compares them with the registered resources and the client's permissions only
/// (<see cref="PermittedResources"/> answers those first). It runs after the code's redirect URI and PKCE verifier were
/// checked, so only the client that holds the grant learns what it covers, and before anything is spent: the code or
/// refresh token still works.
/// </summary>
internal sealed class ResourcesWithinTheGrant : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<ResourcesWithinTheGrant>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateGrantedScopes.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if ((context.AuthorizationCodePrincipal ?? context.RefreshTokenPrincipal) is { } grant
            && context.Request.GetResources().FirstOrDefault(r => !grant.HasResource(r)) is { } outside)
        {
            context.Reject(Errors.InvalidTarget, $"The resource '{outside}' is not covered by this grant.");
        }

        return ValueTask.CompletedTask;
    }
}
