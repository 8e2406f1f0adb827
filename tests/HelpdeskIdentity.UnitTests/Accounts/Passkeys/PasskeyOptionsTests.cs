using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Accounts.Passkeys;

/// <summary>The relying party an operator configures (docs/decisions/0039): what start-up accepts and refuses.</summary>
public sealed class PasskeyOptionsTests
{
    [Fact]
    public void NothingConfigured_TheIssuersHostAndOrigin()
    {
        var options = Configured("https://id.helpdesk.example/", new PasskeyOptions());

        options.RelyingPartyId.ShouldBe("id.helpdesk.example");
        options.Origins.ShouldBe(["https://id.helpdesk.example"]);
        Validate(options).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://id.helpdesk.example")]
    public void NothingConfigured_IssuerThatCannotBeARelyingParty_PasskeysOff(string issuer)
    {
        var options = Configured(issuer, new PasskeyOptions());

        options.Enabled.ShouldBeFalse();
        Validate(options).ShouldBeEmpty();
    }

    [Fact]
    public void ConfiguredRelyingParty_IssuerAnIpAddress_StillChecked() =>
        Validate(Configured("http://127.0.0.1:8080", new PasskeyOptions { RelyingPartyId = "helpdesk.example" })).ShouldNotBeEmpty();

    [Theory]
    [InlineData("helpdesk.example", "https://id.helpdesk.example")]
    [InlineData("helpdesk.example", "https://helpdesk.example")]
    [InlineData("localhost", "http://localhost:5080")]
    public void RelyingPartyOfEveryOrigin_Accepted(string rpId, string origin) =>
        Validate(new PasskeyOptions { RelyingPartyId = rpId, Origins = [origin] }).ShouldBeEmpty();

    [Theory]
    [InlineData("helpdesk.example", "https://id.other.example", "is not on the relying-party id")]
    [InlineData("helpdesk.example", "https://evilhelpdesk.example", "is not on the relying-party id")]
    [InlineData("id.helpdesk.example", "https://helpdesk.example", "is not on the relying-party id")]
    [InlineData("helpdesk.example", "http://id.helpdesk.example", "must be https")]
    [InlineData("helpdesk.example", "https://id.helpdesk.example/account", "is not an origin")]
    [InlineData("127.0.0.1", "http://127.0.0.1:5080", "must be a domain name")]
    [InlineData("example", "https://example", "top-level domain")]
    public void RelyingPartyNotOfAnOrigin_RefusedWithTheReason(string rpId, string origin, string reason) =>
        string.Join(" ", Validate(new PasskeyOptions { RelyingPartyId = rpId, Origins = [origin] })).ShouldContain(reason);

    [Fact]
    public void PasskeyMethods_SyncedOrBound_AndMfaOnlyWithUserVerification()
    {
        PasskeySignIns.Methods(Passkey(backupEligible: false), userVerified: true).ShouldBe([AuthenticationMethods.HardwareKey, AuthenticationMethods.MultipleFactors]);
        PasskeySignIns.Methods(Passkey(backupEligible: true), userVerified: true).ShouldBe([AuthenticationMethods.SoftwareKey, AuthenticationMethods.MultipleFactors]);
        PasskeySignIns.Methods(Passkey(backupEligible: true), userVerified: false).ShouldBe([AuthenticationMethods.SoftwareKey]);
    }

    private static PasskeyOptions Configured(string issuer, PasskeyOptions options)
    {
        Setup(issuer).PostConfigure(null, options);
        return options;
    }

    private static IReadOnlyList<string> Validate(PasskeyOptions options) =>
        Setup("https://id.helpdesk.example").Validate(null, options).Failures?.ToList() ?? [];

    private static PasskeyOptionsSetup Setup(string issuer) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Oidc:Issuer"] = issuer }).Build());

    private static Passkey Passkey(bool backupEligible) =>
        new(Guid.NewGuid(), Guid.NewGuid(), [1], [2], 0, [], Guid.Empty, backupEligible, "key", DateTimeOffset.UnixEpoch, null);
}
