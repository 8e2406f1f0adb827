using System.Net;
using System.Net.Sockets;
using HelpdeskIdentity.Api.Accounts;
using Microsoft.AspNetCore.Http.Features;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>
/// The one place that computes what a limit is counted against: the client (an IPv4 address, or the /64 an IPv6
/// address belongs to) and the posted e-mail address. Whatever store keeps the counters, these are its keys.
/// </summary>
public static class RateLimitPartitionKeys
{
    /// <summary>
    /// The form field that holds the address on the sign-in, forgot-password and register pages. Those pages bind
    /// their input from the form only, under this exact name, first value (docs/security.md, finding 1): the key
    /// counted here is the value the page acts on.
    /// </summary>
    public const string EmailField = "Input.Email";

    /// <summary>
    /// The client: IPv4 as is (IPv4-mapped IPv6 as IPv4); IPv6 by its /64, the smallest block one subscriber is
    /// given, so one host cannot get a fresh budget per address of its prefix. Behind a proxy this is the proxy
    /// unless forwarded headers are configured.
    /// </summary>
    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Prefix64(v6),
        var v4 => v4.ToString(),
    };

    /// <summary>
    /// The key of a policy's per-address window. The admin API's claim link counts into forgot-password's window with it,
    /// so both must name the window the same way.
    /// </summary>
    public static string PerAddress(string? policy, string address) => $"{policy} address {address}";

    /// <summary>
    /// The posted address, canonical (as accounts are keyed), or null when the form has none. Reads only the form
    /// (never the query string) and only the first value of <see cref="EmailField"/>, as model binding does.
    /// </summary>
    public static string? Address(HttpRequest request)
    {
        // Only a form already read (RateLimitingExtensions reads it first, asynchronously): never a blocking read here.
        if (request.HttpContext.Features.Get<IFormFeature>()?.Form is not { } form
            || form[EmailField] is not { Count: > 0 } values
            || values[0] is not { Length: > 0 } raw)
        {
            return null;
        }

        // The same key the account look-up uses: Jan@Example.NL and jan@example.nl share a budget.
        return MailboxLookupNormalizer.Normalize(raw.Length > 320 ? raw[..320] : raw);
    }

    /// <summary>
    /// The mailbox an address delivers to, for the budget of e-mails sent there: a subaddress (RFC 5233,
    /// <c>jan+anything@example.nl</c>) shares <c>jan@example.nl</c>'s, as most mail providers deliver both to one
    /// mailbox — otherwise each new tag would be a fresh budget for flooding it.
    /// </summary>
    public static string Mailbox(string address)
    {
        var at = address.LastIndexOf('@');
        var plus = at > 0 ? address.IndexOf('+', 0, at) : -1;
        return plus > 0 ? address[..plus] + address[at..] : address;
    }

    private static string Prefix64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
