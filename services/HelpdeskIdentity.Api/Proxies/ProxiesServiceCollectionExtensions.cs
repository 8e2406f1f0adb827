using System.Net;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Proxies;

public static class ProxiesServiceCollectionExtensions
{
    /// <summary>
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the configured proxies only (ASP.NET Core would
    /// otherwise trust loopback by default): the client's address for the limits, and whether the client came over
    /// HTTPS, which OpenIddict requires in Production and a TLS-terminating proxy alone knows (decision 0058). Never
    /// <c>X-Forwarded-Host</c>: the public origin comes from configuration.
    /// </summary>
    public static void AddProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ForwardedHeadersSettings, ForwardedHeadersSettingsValidator>(ForwardedHeadersSettings.Section);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, configured) =>
        {
            var settings = configured.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = settings.ForwardLimit;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>First in the pipeline, so rate limits and logs see the real client. Nothing at all when no proxy is configured.</summary>
    public static void UseProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Configured)
        {
            app.UseForwardedHeaders();
        }
    }
}
