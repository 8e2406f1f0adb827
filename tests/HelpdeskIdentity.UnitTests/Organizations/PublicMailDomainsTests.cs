using HelpdeskIdentity.Api.Organizations;
using Microsoft.Extensions.Options;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Organizations;

public sealed class PublicMailDomainsTests
{
    private static readonly PublicMailDomains Bundled = new(Options.Create(new OrganizationOptions()));

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("outlook.com")]
    [InlineData("hotmail.com")]
    [InlineData("hotmail.co.uk")]
    [InlineData("hotmail.nl")]
    [InlineData("yahoo.de")]
    [InlineData("icloud.com")]
    [InlineData("gmx.de")]
    [InlineData("gmx.at")]
    [InlineData("web.de")]
    [InlineData("t-online.de")]
    [InlineData("ziggo.nl")]
    [InlineData("kpnmail.nl")]
    [InlineData("telia.com")]
    [InlineData("bredband.net")]
    [InlineData("planet.nl")]
    [InlineData("hetnet.nl")]
    [InlineData("home.nl")]
    [InlineData("xs4all.nl")]
    [InlineData("casema.nl")]
    [InlineData("hccnet.nl")]
    [InlineData("freenet.de")]
    [InlineData("posteo.de")]
    [InlineData("mailbox.org")]
    [InlineData("mail.de")]
    [InlineData("spray.se")]
    [InlineData("comhem.se")]
    [InlineData("bahnhof.se")]
    [InlineData("swipnet.se")]
    public void IsPublic_BundledProvider_IsTrue(string domain) => Bundled.IsPublic(domain).ShouldBeTrue();

    [Theory]
    [InlineData("pantein.nl")]
    [InlineData("dataport.de")]
    [InlineData("contict.nl")]
    [InlineData("mail.google.com")] // a subdomain is not the provider's mail domain
    [InlineData("notgmail.com")]
    [InlineData("hotmailer.com")]
    public void IsPublic_CompanyDomain_IsFalse(string domain) => Bundled.IsPublic(domain).ShouldBeFalse();

    [Fact]
    public void IsPublic_OperatorAdjustments_AddAndRemoveProviders()
    {
        var adjusted = new PublicMailDomains(Options.Create(new OrganizationOptions
        {
            ExtraPublicMailDomains = ["Example-Mail.NL", "freemail.*"],
            NotPublicMailDomains = ["gmail.com"],
        }));

        adjusted.IsPublic("example-mail.nl").ShouldBeTrue();
        adjusted.IsPublic("freemail.se").ShouldBeTrue();
        adjusted.IsPublic("gmail.com").ShouldBeFalse();
        adjusted.IsPublic("outlook.com").ShouldBeTrue();
    }
}
