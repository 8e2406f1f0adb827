using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Oidc.Clients;
using HelpdeskIdentity.Api.Oidc.Endpoints;
using HelpdeskIdentity.Api.Oidc.ResourceIndicators;
using HelpdeskIdentity.Api.Oidc.Server;
using HelpdeskIdentity.Api.Oidc.Storage;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using HelpdeskIdentity.Oidc.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc;

public static class OidcHostingExtensions
{
    /// <summary>
    /// The OpenID Connect provider: OpenIddict's server on our PostgreSQL tables, our key ring, our client secrets and
    /// our session around it (docs/decisions/0021), and the Data Protection key ring every instance shares.
    /// </summary>
    public static void AddOidc(this WebApplicationBuilder builder)
    {
        builder.AddOidcKeyRing(); // Oidc settings, the shared Data Protection ring, the signing keys
        builder.Services.TryAddSingleton<GrantRevocations>();
        builder.Services.AddSingleton<IProfileService, AccountProfileService>();
        builder.Services.AddSingleton<UserPrincipals>();
        builder.Services.AddSingleton<PushedRequestSignIns>();
        builder.Services.AddSessionlessEndpoints();
        builder.Services.AddHostedService<ApplicationSeeder>();
        builder.Services.AddHostedService<GrantPruner>();

        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<HelpdeskDbContext>()
                    .ReplaceDefaultEntities<OidcApplication, OidcAuthorization, OpenIddictEntityFrameworkCoreScope, OidcToken, string>();
                core.ReplaceApplicationManager<OidcApplication, Sha256ApplicationManager>();
                core.ReplaceAuthorizationManager<OidcAuthorization, SessionAuthorizationManager>();
                core.Services.AddSingleton<ProcessApplicationCache.Entries>();
                core.Services.Replace(ServiceDescriptor.Scoped<OpenIddict.Abstractions.IOpenIddictApplicationCache<OidcApplication>, ProcessApplicationCache>());
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(Relative(OidcPaths.Authorize))
                    .SetPushedAuthorizationEndpointUris(Relative(OidcPaths.PushedAuthorization))
                    .SetTokenEndpointUris(Relative(OidcPaths.Token))
                    .SetUserInfoEndpointUris(Relative(OidcPaths.UserInfo))
                    .SetEndSessionEndpointUris(Relative(OidcPaths.EndSession))
                    .SetIntrospectionEndpointUris(Relative(OidcPaths.Introspection))
                    .SetRevocationEndpointUris(Relative(OidcPaths.Revocation))
                    .SetConfigurationEndpointUris(Relative(OidcPaths.Discovery))
                    .SetJsonWebKeySetEndpointUris(Relative(OidcPaths.Jwks));
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                server.RegisterPromptValues(PromptValues.Create);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.EmailVerified, "organization", ProtocolClaims.SessionId,
                    Claims.AuthenticationTime, Claims.AuthenticationMethodReference, Claims.AuthenticationContextReference);
                // Access tokens are plain signed RFC 9068 JWTs that APIs check with JWKS; codes and refresh tokens are
                // sealed with the shared Data Protection key ring, so every instance reads what another issued.
                server.DisableAccessTokenEncryption();
                server.UseDataProtection().PreferDefaultAccessTokenFormat();
                // OpenIddict will not start without keys of its own; ours replace them on every token (SignWithActiveKey,
                // ValidateWithStoredKeys, PublishStoredKeys), so these never sign, encrypt or appear in JWKS.
                server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                server.AddEventHandler(SignWithActiveKey.Descriptor)
                    .AddEventHandler(ValidateWithStoredKeys.Descriptor)
                    .AddEventHandler(PublishStoredKeys.Descriptor)
                    .AddEventHandler(SelfContainedTokens.Descriptor)
                    .AddEventHandler(GrantOfSelfContainedTokens.Descriptor)
                    .AddEventHandler(LogClientAuthenticationFailures.Descriptor)
                    .AddEventHandler(RefuseOtherClientsGrant.Descriptor)
                    .AddEventHandler(RevokeReplayedGrant.Descriptor)
                    .AddEventHandler(AnswerUnderTheIssuer.Descriptor)
                    .AddEventHandler(AdvertiseAcrValues.Descriptor)
                    .AddEventHandler(RefuseAmbiguousParameters.Descriptor)
                    .AddEventHandler(RefuseAmbiguousParameters.PushedAuthorization)
                    .AddEventHandler(RefuseAmbiguousParameters.Token)
                    .AddEventHandler(WellFormedResources.Authorization)
                    .AddEventHandler(WellFormedResources.PushedAuthorization)
                    .AddEventHandler(WellFormedResources.Token)
                    .AddEventHandler(PermittedResources.Descriptor)
                    .AddEventHandler(ResourcesOfTheAskedScopes.Authorization)
                    .AddEventHandler(ResourcesOfTheAskedScopes.PushedAuthorization)
                    .AddEventHandler(ResourcesWithinTheGrant.Descriptor)
                    .AddEventHandler(AccessTokenForTheNamedResources.Descriptor)
                    .AddEventHandler(AcceptUntypedClientAssertions.BeforeValidation)
                    .AddEventHandler(AcceptUntypedClientAssertions.AfterValidation)
                    .AddEventHandler(CacheableMetadata<ApplyConfigurationResponseContext>.Descriptor)
                    .AddEventHandler(CacheableMetadata<ApplyJsonWebKeySetResponseContext>.Descriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableErrorPassthrough()
                    .SuppressJsonResponseIndentation();
            });
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<OidcOptions>>(Configure);
        builder.Services.AddSingleton<ReferenceLookupsOnlyForReferenceTypes>();
        builder.Services.PostConfigure<OpenIddictServerOptions>(ReferenceLookupsOnlyForReferenceTypes.Replace);
        // In Production OpenIddict answers only requests that arrived over HTTPS — behind a TLS-terminating proxy, as
        // X-Forwarded-Proto from ForwardedHeaders:KnownProxies/KnownNetworks says (Proxies, decision 0058). Development
        // and tests speak plain HTTP.
        var development = !builder.Environment.IsProduction();
        builder.Services.Configure<OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreOptions>(aspNetCore => aspNetCore.DisableTransportSecurityRequirement = development);
    }

    /// <summary>Discovery and JWKS from memory, ahead of every other middleware (<see cref="MetadataCache"/>).</summary>
    public static void UseMetadataCache(this WebApplication app) => app.UseMiddleware<MetadataCache>();

    /// <summary>CORS and the form guard, before OpenIddict reads anything.</summary>
    public static void UseOidcGuards(this WebApplication app)
    {
        app.UseMiddleware<OidcCors>();
        app.UseMiddleware<ProtocolFormGuard>(); // an unreadable or oversized /connect/* form is 400/413, never 500
    }

    public static void MapOidc(this WebApplication app)
    {
        app.MapMethods(OidcPaths.Authorize, ["GET", "POST"], AuthorizeEndpoint.HandleAsync).DisableAntiforgery();
        app.MapPost(OidcPaths.Token, TokenEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods(OidcPaths.UserInfo, ["GET", "POST"], UserInfoEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods(OidcPaths.EndSession, ["GET", "POST"], EndSessionEndpoint.HandleAsync).DisableAntiforgery();
    }

    private static void Configure(OpenIddictServerOptions server, IOptions<OidcOptions> oidc)
    {
        var options = oidc.Value;
        server.Issuer = new Uri(options.Issuer);
        server.AuthorizationCodeLifetime = options.AuthorizationCodeLifetime;
        server.AccessTokenLifetime = options.AccessTokenLifetime;
        server.IdentityTokenLifetime = options.IdTokenLifetime;
        server.RefreshTokenLifetime = options.RefreshTokenSlidingLifetime;
        server.RefreshTokenReuseLeeway = options.RefreshTokenReuseLeeway;
        server.Scopes.UnionWith(StandardScopes.All.Concat(options.ApiScopes.Select(s => s.Name)));
        // RFC 8707: an API whose audience is an absolute URI (the admin API's urn:helpdesk-identity:admin) can be named as a
        // resource, in every grant (ResourceIndicators/).
        server.Resources.UnionWith(options.ApiScopes.Select(s => s.Resource).OfType<Uri>());
        // S256 only (RFC 9700 §2.1.1: plain protects nothing), and only the query response mode the portal uses.
        server.CodeChallengeMethods.Clear();
        server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        server.ResponseModes.Clear();
        server.ResponseModes.Add(ResponseModes.Query);
        server.PromptValues.Remove(PromptValues.SelectAccount);
    }

    private static string Relative(string path) => path.TrimStart('/');
}
