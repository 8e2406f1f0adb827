using System.Net;
using HelpdeskIdentity.Api.Audit;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Audit;

public sealed class AuditSourceTests
{
    [Theory]
    [InlineData("203.0.113.77", 24, 48, "203.0.113.0")]
    [InlineData("203.0.113.77", 16, 48, "203.0.0.0")]
    [InlineData("203.0.113.77", 32, 48, "203.0.113.77")]
    [InlineData("203.0.113.77", 0, 48, "0.0.0.0")]
    [InlineData("::ffff:203.0.113.77", 24, 48, "203.0.113.0")]
    [InlineData("2001:db8:abcd:1234:5678::1", 24, 48, "2001:db8:abcd::")]
    [InlineData("2001:db8:abcd:1234:5678::1", 24, 52, "2001:db8:abcd:1000::")]
    public void Truncate_KeepsThePrefixOnly(string address, int v4, int v6, string expected) =>
        AuditSource.Truncate(IPAddress.Parse(address), new AuditOptions { IPv4PrefixLength = v4, IPv6PrefixLength = v6 }).ShouldBe(expected);

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("<script>alert('jan@example.nl')</script>", "Other")]
    public void Summarize_NamesBrowserAndPlatform_AndNeverEchoesTheHeader(string userAgent, string expected) =>
        AuditSource.Summarize(userAgent).ShouldBe(expected);
}
