using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Discovery and JWKS are the same for everyone and change only with configuration or a key rotation (announced
/// <c>Oidc:SigningKeys:AnnounceBefore</c> ahead), so clients and shared caches may keep them — five minutes — where
/// OpenIddict says <c>no-store</c> for every answer. CORS adds <c>Vary: Origin</c>.
/// </summary>
internal sealed class CacheableMetadata<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<CacheableMetadata<TContext>>()
        .SetOrder(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers.AttachCacheControlHeader<TContext>.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(TContext context)
    {
        if (context.Transaction.GetHttpRequest()?.HttpContext.Response is { } response && string.IsNullOrEmpty(context.Transaction.Response?.Error))
        {
            response.Headers.CacheControl = "public, max-age=300";
            response.Headers.Pragma = default;
        }

        return ValueTask.CompletedTask;
    }
}
