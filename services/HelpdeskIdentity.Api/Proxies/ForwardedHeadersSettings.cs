namespace HelpdeskIdentity.Api.Proxies;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: which peers may name the client in <c>X-Forwarded-For</c>
/// (docs/decisions/0031-behind-a-proxy.md). With neither list set, the header is ignored and the client
/// is the TCP peer. Host and scheme are never taken from headers: the public origin is <c>Oidc:Issuer</c>.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the reverse proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the reverse proxies live in, as CIDR, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep to read the header (the number of trusted hops in front of the service).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Configured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
