using HelpdeskIdentity.Api.Sessions;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>Discovery names the <c>acr</c> values a client may ask for with <c>acr_values</c> (OIDC Discovery §3; docs/decisions/0038).</summary>
internal sealed class AdvertiseAcrValues(IOptions<AcrOptions> acr) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
        .UseSingletonHandler<AdvertiseAcrValues>()
        .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningAlgorithms.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata[OpenIddictConstants.Metadata.AcrValuesSupported] = new OpenIddictParameter([acr.Value.SingleFactor, acr.Value.MultiFactor]);
        return ValueTask.CompletedTask;
    }
}
