using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.ResourceIndicators;

/// <summary>
/// RFC 8707 §2.2: a code or refresh token request that names resources gets an access token for those alone (its
/// <c>aud</c>); the refresh token issued with it keeps the whole grant, so the client can later ask for another of its
/// resources. OpenIddict gives every access token all of the grant's resources. <see cref="ResourcesWithinTheGrant"/>
/// has made sure the named ones are the grant's; <c>client_credentials</c> names them in its own grant (TokenEndpoint).
/// Then, for every grant, the token's <c>scope</c> follows its <c>aud</c>: an API's scopes only when that API is an
/// audience, and this provider's own (<c>openid</c>, <c>profile</c>, …) only when the provider is, so a token narrowed
/// to one API claims nothing for another (and the token response's <c>scope</c>, made from it, says so).
/// </summary>
internal sealed class AccessTokenForTheNamedResources(IOptions<OidcOptions> options) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
        .UseSingletonHandler<AccessTokenForTheNamedResources>()
        .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType != OpenIddictServerEndpointType.Token || context.AccessTokenPrincipal is not { } token)
        {
            return ValueTask.CompletedTask;
        }

        if ((context.Request.IsAuthorizationCodeGrantType() || context.Request.IsRefreshTokenGrantType())
            && context.Request.GetResources() is { IsDefaultOrEmpty: false } named)
        {
            token.SetAudiences(named);
        }

        var audiences = token.GetAudiences();
        var apiScopes = options.Value.ApiScopes;
        token.SetScopes(token.GetScopes().Where(scope => apiScopes.FirstOrDefault(api => api.Name == scope) is { } api
            ? audiences.Contains(api.Audience)
            : audiences.Contains(options.Value.Issuer)));
        return ValueTask.CompletedTask;
    }
}
