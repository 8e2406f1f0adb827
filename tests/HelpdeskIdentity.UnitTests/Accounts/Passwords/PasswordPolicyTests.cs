using HelpdeskIdentity.Api.Accounts.Passwords;
using HelpdeskIdentity.Api.Pages;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace HelpdeskIdentity.UnitTests.Accounts.Passwords;

/// <summary>The policy presets: a table of passwords with the expected verdicts, and the rules shown before typing.</summary>
public sealed class PasswordPolicyTests
{
    private const string Nist = "nist";
    private const string Seed001 = "legacy-seed001"; // legacy with seed 001's forbidden å, ä, ö
    private const string LegacyPlain = "legacy";
    private const string Brand = "Acme Helpdesk";
    private const string Email = "k.vermeulen@example.nl";
    private const string Name = "Saskia de Vries";
    private const string Decomposed = "decomposed"; // marker: the password is given in NFD
    private static readonly Guid AccountWithHistory = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    public static TheoryData<string, string, string> Table => new()
    {
        // nist: length in user-perceived characters, 15 to 256.
        { Nist, "fourteen chars", "too-short" },
        { Nist, "fifteen chars!!", "" },
        { Nist, Phrase(64), "" },
        { Nist, Phrase(200), "" },
        { Nist, Phrase(256), "" },
        { Nist, Phrase(257), "too-long" },
        { Nist, "a b c d e f g h", "" },
        { Nist, "tab\there is not ok", "invalid-character" },
        { Nist, "", "too-short" },
        // nist: common and breached passwords (real list entries), case-insensitive, with trailing decoration stripped.
        { Nist, "passwordpassword", "common" },
        { Nist, "QwertyuiopASDFGH", "common" },
        { Nist, "123456789012345", "common" },
        { Nist, "password1234567", "common" },
        { Nist, "sunshine!!2024!!", "common" },
        { Nist, "password", "too-short common" },
        { Nist, "correct horse battery staple", "" },
        // nist: personal data and the brand.
        { Nist, "vermeulen loves cycling", "contains-email" },
        { Nist, "K.Vermeulen@example.nl", "contains-email" },
        { Nist, "Saskia walks the dog daily", "contains-name" },
        { Nist, "sas kia de vries wins again", "contains-name" },
        { Nist, "acme helpdesk is great fun", "contains-brand" },
        { Nist, "my HELPDESK ticket number is", "contains-brand" },
        { Nist, "de vier dames van de", "" },
        // nist: Unicode counted as people see it.
        { Nist, "smörgåsbord på", "too-short" },
        { Nist, "smörgåsbord på!", "" },
        { Nist, "Grüße aus Köln!", "" },
        { Decomposed, "Grüße aus Köln!", "" },
        { Decomposed, "Grüße aus Köln", "too-short" },
        { Nist, "ijsjes eten bij de gracht", "" },
        { Nist, "🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵", "" },
        { Nist, "🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸", "too-short" },
        { Nist, string.Concat(Enumerable.Repeat("👍🏽", 14)), "too-short" },
        { Nist, string.Concat(Enumerable.Repeat("👍🏽", 15)), "" },
        { Nist, "🇸🇪🇳🇱🇩🇪 hej hallo hoi", "" },
        // legacy (seed 001): at least 8, three of four classes, no å ä ö, not one of the last 5.
        { Seed001, "Sommar24", "" },
        { Seed001, "Sommar!2", "" },
        { Seed001, "sommar24", "character-classes" },
        { Seed001, "SOMMAR!!", "character-classes" },
        { Seed001, "Somr24", "too-short" },
        { Seed001, "sommar", "too-short character-classes" },
        { Seed001, "Sjön2024x", "forbidden-character" },
        { Seed001, "SJÖN2024x", "forbidden-character" },
        { Seed001, "Blåbär-99", "forbidden-character" },
        { Seed001, "password1A", "" },
        { Seed001, "Vinter2023", "reused" },
        { Seed001, "Vinter2019", "" },
        { LegacyPlain, "Sjön2024x", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Check_GivesTheExpectedVerdict(string preset, string password, string expectedCodes)
    {
        var (policy, candidate) = preset == Decomposed
            ? (Policy(Nist), password.Normalize(System.Text.NormalizationForm.FormD))
            : (Policy(preset), password);

        var verdict = await policy.CheckAsync(candidate, new PasswordCheckContext(AccountWithHistory, Email, Name), TestContext.Current.CancellationToken);

        verdict.Codes.ShouldBe(expectedCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        verdict.Accepted.ShouldBe(expectedCodes.Length == 0);
        verdict.Violations.ShouldAllBe(v => v.Message.Length > 0);
    }

    [Theory]
    [InlineData(Nist, "fourteen chars", "Use at least 15 characters; this password has 14.")]
    [InlineData(Nist, "passwordpassword", "This password is on a list of common or breached passwords; choose another.")]
    [InlineData(Nist, "acme helpdesk is great fun", "The password must not contain \"Acme Helpdesk\".")]
    [InlineData(Nist, "Saskia walks the dog daily", "The password must not contain your name.")]
    [InlineData(Nist, "vermeulen loves cycling", "The password must not contain your e-mail address.")]
    [InlineData(Seed001, "sommar24", "Use characters from at least 3 of these 4 groups: lower-case letters, upper-case letters, digits, other characters.")]
    [InlineData(Seed001, "Sjön2024x", "The password must not contain these characters: å ä ö.")]
    [InlineData(Seed001, "Vinter2023", "Choose a password that is not one of your last 5.")]
    public async Task Check_ExplainsEachBrokenRuleInEnglish(string preset, string password, string message)
    {
        var verdict = await Policy(preset).CheckAsync(password, new PasswordCheckContext(AccountWithHistory, Email, Name), TestContext.Current.CancellationToken);

        verdict.Violations.Select(v => v.Message).ShouldContain(message);
    }

    [Fact]
    public async Task Check_TooLong_CountsTextElements()
    {
        var verdict = await Policy(Nist).CheckAsync(Phrase(300), new PasswordCheckContext(null, null, null), TestContext.Current.CancellationToken);

        verdict.Violations.Single().Message.ShouldBe("Use at most 256 characters; this password has 300.");
    }

    [Fact]
    public async Task Check_WithoutPersonalData_ChecksOnlyTheRest()
    {
        var verdict = await Policy(Nist).CheckAsync("Saskia walks the dog daily", new PasswordCheckContext(null, null, null), TestContext.Current.CancellationToken);

        verdict.Accepted.ShouldBeTrue();
    }

    [Fact]
    public async Task Check_ShortNameParts_AreNotRefusedAlone()
    {
        var verdict = await Policy(Nist).CheckAsync("jan went to the beach", new PasswordCheckContext(null, "jan@example.nl", "Jan de Wit"), TestContext.Current.CancellationToken);

        verdict.Accepted.ShouldBeTrue();
    }

    [Fact]
    public async Task Check_MinimumLengthOverride_ReplacesThePresets()
    {
        var policy = Policy(Nist, o => o.MinimumLength = 20);

        var verdict = await policy.CheckAsync("nineteen characters", new PasswordCheckContext(null, null, null), TestContext.Current.CancellationToken);

        verdict.Codes.ShouldBe(["too-short"]);
        verdict.Violations[0].Message.ShouldContain("at least 20");
    }

    [Fact]
    public void Rules_Nist_ListsLengthsBlocklistAndPersonalData()
    {
        var rules = Policy(Nist).Rules;

        rules.Select(r => r.Code).ShouldBe(["minimum-length", "maximum-length", "not-common", "not-personal"]);
        rules[0].Parameters["minimum"].ShouldBe("15");
        rules[0].Text.ShouldStartWith("At least 15 characters.");
        rules[1].Parameters["maximum"].ShouldBe("256");
        rules[3].Parameters["brand"].ShouldBe(Brand);
        rules[3].Text.ShouldBe("Not containing your e-mail address, your name or \"Acme Helpdesk\".");
    }

    [Fact]
    public void Rules_Legacy_ListsClassesForbiddenCharactersAndHistory()
    {
        var rules = Policy(Seed001).Rules;

        rules.Select(r => r.Code).ShouldBe(["minimum-length", "maximum-length", "character-classes", "forbidden-characters", "history"]);
        rules[0].Parameters["minimum"].ShouldBe("8");
        rules[2].Parameters["required"].ShouldBe("3");
        rules[3].Parameters["characters"].ShouldBe("å ä ö");
        rules[4].Parameters["count"].ShouldBe("5");
        Policy(LegacyPlain, o => o.HistoryCount = 0).Rules.Select(r => r.Code).ShouldBe(["minimum-length", "maximum-length", "character-classes"]);
    }

    [Theory]
    [InlineData("password2024!", "password")]
    [InlineData("sunshine !! 12", "sunshine")]
    [InlineData("2024", "")]
    [InlineData("pass word", "pass word")]
    public void WithoutTrailingDecoration_StripsDigitsPunctuationSymbolsAndSpaces(string lower, string expected) =>
        PasswordPolicy.WithoutTrailingDecoration(lower).ShouldBe(expected);

    /// <summary>A passphrase of exactly <paramref name="length"/> characters that is on no list.</summary>
    private static string Phrase(int length) =>
        string.Concat(Enumerable.Repeat("tulips by the canal in spring ", (length / 30) + 1))[..length];

    private static PasswordPolicy Policy(string preset, Action<PasswordPolicyOptions>? configure = null)
    {
        var options = new PasswordPolicyOptions { Preset = preset == Seed001 ? PasswordPresets.Legacy : preset };
        if (preset == Seed001)
        {
            options.ForbiddenCharacters = "åäö";
        }

        configure?.Invoke(options);
        var history = new FakePasswordHistory();
        history.Add(AccountWithHistory, "Vinter2019", "Vinter2020", "Vinter2021", "Vinter2022", "Vinter2023", "Vinter2024!");
        return new PasswordPolicy(Options.Create(options), Options.Create(new BrandingOptions { ProductName = Brand }),
            CommonPasswords.Bundled, history);
    }
}
