using HelpdeskIdentity.Api.Organizations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Organizations;

public sealed class OrganizationOptionsValidatorTests
{
    [Fact]
    public void Defaults_AndDomainsWithASuffixWildcard_AreAccepted()
    {
        Validate(new OrganizationOptions()).ShouldBeEmpty();
        Validate(new OrganizationOptions
        {
            ExtraPublicMailDomains = ["Example-Mail.NL", "freemail.*", " mail.example ", "xn--bcher-kva.example"],
            NotPublicMailDomains = ["gmail.com"],
        }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("user@freemail.example")]
    [InlineData("free mail.example")]
    [InlineData("*.freemail.example")]
    [InlineData("freemail..example")]
    [InlineData("bücher.example")]
    public void AnExtraPublicDomainThatCouldNeverMatch_IsRefused_NamingTheSettingAndTheEntry(string entry)
    {
        var failure = Validate(new OrganizationOptions { ExtraPublicMailDomains = ["fine.example", entry] }).ShouldHaveSingleItem();

        failure.ShouldStartWith("Organizations:ExtraPublicMailDomains:");
        failure.ShouldContain($"'{entry}'");
    }

    [Theory]
    [InlineData("gmail.*")]
    [InlineData("@gmail.com")]
    [InlineData(" ")]
    public void ANotPublicDomainWithAWildcardOrNotADomain_IsRefused(string entry)
    {
        var failure = Validate(new OrganizationOptions { NotPublicMailDomains = [entry] }).ShouldHaveSingleItem();

        failure.ShouldStartWith("Organizations:NotPublicMailDomains:");
        failure.ShouldContain($"'{entry}'");
    }

    [Fact]
    public void EveryBrokenEntry_IsReportedAtOnce()
    {
        Validate(new OrganizationOptions { ExtraPublicMailDomains = ["a b", "c@d"], NotPublicMailDomains = ["e.*"] }).Count.ShouldBe(3);
    }

    [Fact]
    public void AddOrganizations_ChecksTheSettingsWhenTheyAreRead()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Organizations:NotPublicMailDomains:0"] = "gmail.*" }).Build());
        services.AddOrganizations();
        using var provider = services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OrganizationOptions>>().Value)
            .Message.ShouldContain("Organizations:NotPublicMailDomains: 'gmail.*'");
    }

    private static IReadOnlyList<string> Validate(OrganizationOptions options) =>
        new OrganizationOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}
