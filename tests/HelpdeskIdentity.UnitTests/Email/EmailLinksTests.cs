using HelpdeskIdentity.Api.Email;
using Microsoft.Extensions.Options;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Email;

public sealed class EmailLinksTests
{
    private static EmailLinks Links(string origin) => new(Options.Create(new EmailOptions { PublicOrigin = new Uri(origin) }));

    [Fact]
    public void Build_PathAndQuery_OnTheConfiguredOriginWithValuesEscaped()
    {
        var link = Links("https://id.helpdesk.example").Build("/account/reset", ("token", "a+b/c= d"), ("email", "jan@example.nl"));

        link.AbsoluteUri.ShouldBe("https://id.helpdesk.example/account/reset?token=a%2Bb%2Fc%3D%20d&email=jan%40example.nl");
    }

    [Fact]
    public void Build_OriginWithPathBase_KeepsThePathBase()
    {
        Links("https://helpdesk.example/identity/").Build("/account/claim").AbsoluteUri.ShouldBe("https://helpdesk.example/identity/account/claim");
    }

    [Theory]
    [InlineData("//evil.example/account/reset")]
    [InlineData("https://evil.example/account/reset")]
    [InlineData("/\\evil.example")]
    [InlineData("account/reset")]
    [InlineData("/account/reset?next=https://evil.example")]
    public void Build_PathNamingAnotherHost_Refused(string path)
    {
        Should.Throw<ArgumentException>(() => Links("https://id.helpdesk.example").Build(path));
    }
}
