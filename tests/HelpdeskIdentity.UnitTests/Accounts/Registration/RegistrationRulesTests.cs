using HelpdeskIdentity.Api.Accounts.Registration;
using Microsoft.Extensions.Options;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Accounts.Registration;

public sealed class RegistrationRulesTests
{
    private static readonly string[] Acme = ["acme.nl", "acme.de"];

    private static RegistrationRules Rules(string mode, bool allowByDefault = true, string[]? allow = null, string[]? deny = null) =>
        new(Options.Create(new RegistrationOptions
        {
            Mode = mode,
            AllowByDefault = allowByDefault,
            AllowOrganizations = [.. allow ?? []],
            DenyOrganizations = [.. deny ?? []],
        }));

    [Theory]
    [InlineData("closed", false, true, RegistrationVerdict.Closed)]
    [InlineData("closed", true, false, RegistrationVerdict.Closed)]
    [InlineData("closed", false, false, RegistrationVerdict.Closed)]
    [InlineData("known-domains", false, true, RegistrationVerdict.Allowed)]
    [InlineData("known-domains", true, false, RegistrationVerdict.PublicProvider)]
    [InlineData("known-domains", false, false, RegistrationVerdict.UnknownOrganization)]
    [InlineData("open", false, true, RegistrationVerdict.Allowed)]
    [InlineData("open", true, false, RegistrationVerdict.Allowed)]
    [InlineData("open", false, false, RegistrationVerdict.Allowed)]
    [InlineData("Known-Domains", false, true, RegistrationVerdict.Allowed)]
    public void Decide_ModeAndDomain_GivesTheVerdict(string mode, bool isPublic, bool hasOrganization, RegistrationVerdict expected) =>
        Rules(mode).Decide(isPublic, hasOrganization ? Acme : null).ShouldBe(expected);

    [Theory]
    [InlineData("known-domains")]
    [InlineData("open")]
    public void Decide_OrganizationDeniedByAnyOfItsDomains_Refuses_InEveryMode(string mode) =>
        Rules(mode, deny: ["ACME.de "]).Decide(false, Acme).ShouldBe(RegistrationVerdict.OrganizationRefuses);

    [Fact]
    public void Decide_OffByDefault_OnlyAllowedOrganizationsMayRegister()
    {
        var rules = Rules("known-domains", allowByDefault: false, allow: ["acme.de"]);

        rules.Decide(false, Acme).ShouldBe(RegistrationVerdict.Allowed);
        rules.Decide(false, ["contoso.com"]).ShouldBe(RegistrationVerdict.OrganizationRefuses);
    }

    [Fact]
    public void Decide_IdnDomainInTheSettings_MatchesTheStoredALabel() =>
        Rules("known-domains", deny: ["bücher.de"]).Decide(false, ["xn--bcher-kva.de"]).ShouldBe(RegistrationVerdict.OrganizationRefuses);

    [Fact]
    public void Validate_BadModeDomainOrLifetime_NamesEachSetting()
    {
        var result = new RegistrationOptionsValidator().Validate(null, new RegistrationOptions
        {
            Mode = "everyone",
            DenyOrganizations = ["not a domain"],
            LinkLifetime = TimeSpan.FromDays(30),
        });

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldBe([
            "Registration:Mode must be closed, known-domains or open (not 'everyone').",
            "Registration:DenyOrganizations entry 'not a domain' is not a domain name.",
            "Registration:LinkLifetime must be between 5 minutes and 7 days.",
        ]);
    }
}
