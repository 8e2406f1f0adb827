using HelpdeskIdentity.Api.Accounts.Passwords;
using Shouldly;
using Xunit;

namespace HelpdeskIdentity.UnitTests.Accounts.Passwords;

public sealed class PasswordPolicyOptionsTests
{
    [Fact]
    public void Defaults_AreNistWith15To256()
    {
        var options = new PasswordPolicyOptions();

        Validate(options).ShouldBeEmpty();
        options.Preset.ShouldBe("nist");
        options.EffectiveMinimumLength.ShouldBe(15);
        options.MaximumLength.ShouldBe(256);
        options.EffectiveHistoryCount.ShouldBe(0);
    }

    [Fact]
    public void Legacy_DefaultsTo8AndAHistoryOf5()
    {
        var options = new PasswordPolicyOptions { Preset = "legacy", ForbiddenCharacters = "åäö" };

        Validate(options).ShouldBeEmpty();
        options.EffectiveMinimumLength.ShouldBe(8);
        options.EffectiveHistoryCount.ShouldBe(5);
    }

    [Theory]
    [InlineData("nist", 12)]
    [InlineData("legacy", 12)]
    public void MinimumLength_WhenSet_ReplacesThePresets(string preset, int minimum) =>
        new PasswordPolicyOptions { Preset = preset, MinimumLength = minimum }.EffectiveMinimumLength.ShouldBe(minimum);

    public static TheoryData<string, PasswordPolicyOptions> Invalid => new()
    {
        { "Accounts:PasswordPolicy:Preset must be 'nist' or 'legacy'", new PasswordPolicyOptions { Preset = "NIST" } },
        { "Accounts:PasswordPolicy:Preset must be 'nist' or 'legacy'", new PasswordPolicyOptions { Preset = "" } },
        { "Accounts:PasswordPolicy:MinimumLength must be between 8 and 64", new PasswordPolicyOptions { MinimumLength = 7 } },
        { "Accounts:PasswordPolicy:MinimumLength must be between 8 and 64", new PasswordPolicyOptions { MinimumLength = 65 } },
        { "Accounts:PasswordPolicy:MaximumLength must be between 64 and 1024", new PasswordPolicyOptions { MaximumLength = 63 } },
        { "Accounts:PasswordPolicy:MaximumLength must be between 64 and 1024", new PasswordPolicyOptions { MaximumLength = 1025 } },
        { "Accounts:PasswordPolicy:HistoryCount must be between 0 and 24", new PasswordPolicyOptions { Preset = "legacy", HistoryCount = -1 } },
        { "Accounts:PasswordPolicy:ForbiddenCharacters applies only to the legacy preset", new PasswordPolicyOptions { ForbiddenCharacters = "åäö" } },
        { "Accounts:PasswordPolicy:ForbiddenCharacters must hold printable, non-space characters only", new PasswordPolicyOptions { Preset = "legacy", ForbiddenCharacters = "å ö" } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_FailsWithAMessageNamingTheKey(string message, PasswordPolicyOptions options) =>
        Validate(options).ShouldContain(failure => failure.StartsWith(message, StringComparison.Ordinal));

    private static IEnumerable<string> Validate(PasswordPolicyOptions options) =>
        new PasswordPolicyOptionsValidator().Validate(null, options).Failures ?? [];
}
