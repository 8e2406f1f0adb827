using HelpdeskIdentity.Api.Accounts.Registration;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Accounts.Registration;

public sealed class LookalikeDomainsTests
{
    [Theory]
    [InlineData("exаmple.nl")] // Cyrillic а (U+0430)
    [InlineData("gооgle.com")] // two Cyrillic о
    [InlineData("раураl.com")] // all Cyrillic, Latin top-level domain
    [InlineData("αpple.com")] // Greek alpha
    [InlineData("ցoogle.com")] // Armenian
    public void MixesScripts_LookalikeOfALatinDomain_IsTrue(string domain) => LookalikeDomains.MixesScripts(domain).ShouldBeTrue();

    [Theory]
    [InlineData("example.nl")]
    [InlineData("bücher.de")]
    [InlineData("åäö-bolaget.se")]
    [InlineData("пример.рф")]
    [InlineData("例子.测试")]
    [InlineData("123-456.nl")]
    public void MixesScripts_OneScript_IsFalse(string domain) => LookalikeDomains.MixesScripts(domain).ShouldBeFalse();
}
