using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.ResourceIndicators;

/// <summary>
/// RFC 8707 §2.2: a code or refresh token request that names resources gets an access token for those alone (its
/// <c>aud</c>); the refresh token issued with it keeps the whole grant, so the client can later ask for another of its
/// resources. OpenIddict gives every access token all of the grant's resources. <see cref="ResourcesWithinTheGrant"/>
/// has made sure the named ones are the grant's; <c>client_credentials</c> names them in its own grant (TokenEndpoint).
/// </summary>
internal sealed class AccessTokenForTheNamedResources : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
        .UseSingletonHandler<AccessTokenForTheNamedResources>()
        .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.Token
            && (context.Request.IsAuthorizationCodeGrantType() || context.Request.IsRefreshTokenGrantType())
            && context.Request.GetResources() is { IsDefaultOrEmpty: false } named
            && context.AccessTokenPrincipal is { } token)
        {
            token.SetAudiences(named);
        }

        return ValueTask.CompletedTask;
    }
}
