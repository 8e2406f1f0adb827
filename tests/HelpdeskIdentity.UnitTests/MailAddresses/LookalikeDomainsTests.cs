using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.MailAddresses;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.MailAddresses;

public sealed class LookalikeDomainsTests
{
    [Theory]
    [InlineData("exаmple.nl")] // Cyrillic а (U+0430)
    [InlineData("gооgle.com")] // two Cyrillic о
    [InlineData("раураl.com")] // all Cyrillic, Latin top-level domain
    [InlineData("αpple.com")] // Greek alpha
    [InlineData("ցoogle.com")] // Armenian
    [InlineData("exⲟmple.nl")] // Coptic ⲟ (U+2C9F)
    [InlineData("gοogle.com")] // Greek omicron
    [InlineData("аpple.рф")] // Cyrillic with a Latin p
    public void MixesScripts_LookalikeOfALatinDomain_IsTrue(string domain) => LookalikeDomains.MixesScripts(domain).ShouldBeTrue();

    [Theory]
    [InlineData("example.nl")]
    [InlineData("bücher.de")]
    [InlineData("åäö-bolaget.se")]
    [InlineData("пример.рф")]
    [InlineData("例子.测试")]
    [InlineData("123-456.nl")]
    [InlineData("東京example.jp")] // Latin with Han: allowed by the highly restrictive profile
    [InlineData("한국example.kr")] // Latin with Hangul
    public void MixesScripts_OneScript_IsFalse(string domain) => LookalikeDomains.MixesScripts(domain).ShouldBeFalse();

    [Theory]
    [InlineData("pay@pаypal.example", LookalikeDomains.LookalikeDomain)] // Cyrillic а in the domain
    [InlineData("pay@xn--a-1qg.example", LookalikeDomains.LookalikeDomain)] // an A-label decoding to Latin and Myanmar
    [InlineData("pay@i\u2764.example", LookalikeDomains.LookalikeDomain)] // an emoji
    [InlineData("jаn@example.nl", LookalikeDomains.LookalikeLocalPart)] // Cyrillic а in a Latin local part
    public void Refusal_LookalikeAddress_NamesWhatIsRefused(string address, string reason) =>
        LookalikeDomains.Refusal(Parse(address)).ShouldBe(reason);

    [Theory]
    [InlineData("jan@example.nl")]
    [InlineData("jörg@bücher.de")]
    [InlineData("иван@пример.рф")]
    public void Refusal_OneScriptAddress_IsNull(string address) => LookalikeDomains.Refusal(Parse(address)).ShouldBeNull();

    private static MailboxAddress Parse(string address) =>
        MailboxParser.Parse(System.Text.RegularExpressions.Regex.Unescape(address)).Mailbox.ShouldNotBeNull();
}
