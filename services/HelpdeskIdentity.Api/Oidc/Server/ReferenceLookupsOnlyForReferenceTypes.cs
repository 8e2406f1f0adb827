using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// OpenIddict looks every token that is not a JWT up by reference id first (<c>ValidateReferenceTokenIdentifier</c>),
/// whatever the type it expects. Only some types are ever reference tokens here — codes and pushed requests
/// (<c>request_uri</c>, RFC 9126); access and refresh tokens only if OpenIddict were told to make them so — while a
/// refresh token is sealed with Data Protection and carries its row's id inside. So on every refresh that look-up was a
/// SELECT that could find nothing. It now runs only when the token expected may be a reference: OpenIddict's handler,
/// unchanged, behind this filter (<see cref="Replace"/>).
/// </summary>
internal sealed class ReferenceLookupsOnlyForReferenceTypes : IOpenIddictServerHandlerFilter<ValidateTokenContext>
{
    private static readonly OpenIddictServerHandlerDescriptor Original = OpenIddictServerHandlers.Protection.ValidateReferenceTokenIdentifier.Descriptor;

    private static readonly string[] AlwaysReferences =
    [
        TokenTypeIdentifiers.Private.AuthorizationCode, TokenTypeIdentifiers.Private.DeviceCode,
        TokenTypeIdentifiers.Private.RequestToken, TokenTypeIdentifiers.Private.UserCode,
    ];

    public ValueTask<bool> IsActiveAsync(ValidateTokenContext context) => ValueTask.FromResult(
        context.ValidTokenTypes.Count == 0 || context.ValidTokenTypes.Any(type => AlwaysReferences.Contains(type)
            || (type == TokenTypeIdentifiers.AccessToken && context.Options.UseReferenceAccessTokens)
            || (type == TokenTypeIdentifiers.RefreshToken && context.Options.UseReferenceRefreshTokens)));

    /// <summary>Swaps OpenIddict's handler for the same handler behind this filter, at the same place in the pipeline.</summary>
    public static void Replace(OpenIddictServerOptions options)
    {
        var index = options.Handlers.FindIndex(h => h.ServiceDescriptor.ServiceType == Original.ServiceDescriptor.ServiceType);
        if (index < 0)
        {
            throw new InvalidOperationException("OpenIddict no longer registers ValidateReferenceTokenIdentifier; review ReferenceLookupsOnlyForReferenceTypes.");
        }

        options.Handlers[index] = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .Import(Original)
            .AddFilter<ReferenceLookupsOnlyForReferenceTypes>()
            .Build();
    }
}
