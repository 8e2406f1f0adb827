using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Audit;

/// <summary>Where the current request came from, reduced to what the audit trail may keep: a truncated IP and a browser/platform summary.</summary>
public sealed partial class AuditSource(IHttpContextAccessor http, IOptions<AuditOptions> options)
{
    public string? SourceIp => http.HttpContext?.Connection.RemoteIpAddress is { } address ? Truncate(address, options.Value) : null;

    public string? UserAgent => http.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } header ? Summarize(header) : null;

    /// <summary>The client id of the bearer token that authorised the current request (the admin API), if any.</summary>
    public string? CallerClientId => http.HttpContext?.User.FindFirst("client_id")?.Value;

    public static string Truncate(IPAddress address, AuditOptions options)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? options.IPv4PrefixLength : options.IPv6PrefixLength;
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes).ToString();
    }

    /// <summary>"Firefox on Linux", "curl", "Other": a few known names only, so no raw header text reaches the trail.</summary>
    public static string Summarize(string userAgent)
    {
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.OrdinalIgnoreCase)).Name;
        var platform = Platforms.FirstOrDefault(p => userAgent.Contains(p.Token, StringComparison.OrdinalIgnoreCase)).Name;
        if (browser is null && ToolName().Match(userAgent) is { Success: true } tool)
        {
            browser = tool.Groups[1].Value.ToLowerInvariant();
        }

        return (browser ?? "Other") + (platform is null ? "" : " on " + platform);
    }

    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Platforms =
        [("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    [GeneratedRegex("^(curl|wget|python-requests|okhttp|go-http-client|java|postman|insomnia)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToolName();
}
