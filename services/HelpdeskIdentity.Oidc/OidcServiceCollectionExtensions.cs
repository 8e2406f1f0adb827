using HelpdeskIdentity.Oidc.Authorization;
using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Endpoints;
using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Keys;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc;

public static class OidcServiceCollectionExtensions
{
    /// <summary>
    /// The protocol: options from section <c>Oidc</c> (validated at start-up), keys, client
    /// authentication, token issuance and the endpoints. The host supplies the stores
    /// (<see cref="IClientStore"/>, <see cref="ISigningKeyStore"/>, <see cref="Revocation.IRevokedTokenStore"/>,
    /// <see cref="IGrantStore"/>), the user side (<see cref="Sessions.IUserSession"/>, <see cref="Users.IProfileService"/>),
    /// Data Protection and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddOidcProtocol(this IServiceCollection services)
    {
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<AccessTokenFactory>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<IdTokenFactory>();
        services.AddSingleton<UserTokenIssuer>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<IGrantHandler, ClientCredentialsGrant>();
        services.AddSingleton<IGrantHandler, AuthorizationCodeGrant>();
        services.AddSingleton<IGrantHandler, RefreshTokenGrant>();
        services.AddSingleton<AuthorizeRequestValidator>();
        services.AddSingleton<AuthorizeEndpoint>();
        services.AddSingleton<UserInfoEndpoint>();
        services.AddSingleton<EndSessionEndpoint>();
        services.AddSingleton<DiscoveryEndpoint>();
        services.AddSingleton<JwksEndpoint>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<IntrospectionEndpoint>();
        services.AddSingleton<RevocationEndpoint>();
        services.AddSingleton<OidcCors>();
        return services;
    }
}
