using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.ResourceIndicators;

/// <summary>
/// RFC 8707 §2.1 at the authorization and pushed authorization endpoints: each <c>resource</c> must be the audience of
/// an API scope asked for in the same request's <c>scope</c>, else <c>invalid_target</c>. OpenIddict has already refused
/// a malformed value (<c>invalid_request</c>), one that is no API's audience and the scopes the client may not have;
/// this runs just before its resource-permission check, which would answer <c>invalid_request</c> where RFC 8707 says
/// <c>invalid_target</c> (a client is permitted the audiences of its scopes, so that check never refuses after this).
/// </summary>
internal sealed class ResourcesOfTheAskedScopes(IOptions<OidcOptions> options)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>, IOpenIddictServerHandler<ValidatePushedAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Authorization { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseSingletonHandler<ResourcesOfTheAskedScopes>()
        .SetOrder(OpenIddictServerHandlers.Authentication.ValidateResourcePermissions.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor PushedAuthorization { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidatePushedAuthorizationRequestContext>()
        .UseSingletonHandler<ResourcesOfTheAskedScopes>()
        .SetOrder(OpenIddictServerHandlers.Authentication.ValidatePushedResourcePermissions.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (Outside(context.Request) is { } resource)
        {
            context.Reject(Errors.InvalidTarget, Description(resource));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ValidatePushedAuthorizationRequestContext context)
    {
        if (Outside(context.Request) is { } resource)
        {
            context.Reject(Errors.InvalidTarget, Description(resource));
        }

        return ValueTask.CompletedTask;
    }

    private string? Outside(OpenIddictRequest request)
    {
        var audiences = options.Value.ApiScopesAmong(request.GetScopes()).Select(s => s.Audience).ToHashSet(StringComparer.Ordinal);
        return request.GetResources().FirstOrDefault(r => !audiences.Contains(r));
    }

    private static string Description(string resource) => $"The resource '{resource}' is not the audience of a scope asked for in this request.";
}
