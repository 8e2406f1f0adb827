using HelpdeskIdentity.Oidc.Configuration;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.ResourceIndicators;

/// <summary>
/// RFC 8707 §2 at the token endpoint, every grant: each <c>resource</c> must be the audience of an API scope the client
/// may have, else <c>invalid_target</c>. Runs just before OpenIddict's resource-permission check, which would say
/// <c>invalid_request</c>. It tells the client only what its own registration allows; whether a code or refresh token
/// covers the resource is checked later, once that token is proved the client's (<see cref="ResourcesWithinTheGrant"/>).
/// </summary>
internal sealed class PermittedResources(IOptions<OidcOptions> options) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<PermittedResources>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateResourcePermissions.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var resources = context.Request.GetResources();
        if (resources.IsDefaultOrEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var allowed = options.Value.Clients.FirstOrDefault(c => string.Equals(c.ClientId, context.ClientId, StringComparison.Ordinal))?.AllowedScopes ?? [];
        var audiences = options.Value.ApiScopesAmong(allowed).Select(s => s.Audience).ToHashSet(StringComparer.Ordinal);
        if (resources.FirstOrDefault(r => !audiences.Contains(r)) is { } refused)
        {
            context.Reject(Errors.InvalidTarget, $"The resource '{refused}' is not the audience of an API scope this client may have.");
        }

        return ValueTask.CompletedTask;
    }
}
