using System.Globalization;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Localization;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Localization;

/// <summary>How long a link works, as the e-mails say it: in the largest whole unit, in the reader's language.</summary>
public sealed class AccountEmailLifetimeTests
{
    [Theory]
    [InlineData("7.00:00:00", "en", "7 days")]
    [InlineData("1.00:00:00", "en", "1 day")]
    [InlineData("1.00:00:00", "de", "1 Tag")]
    [InlineData("1.12:00:00", "en", "36 hours")]
    [InlineData("01:00:00", "sv", "1 timme")]
    [InlineData("01:30:00", "nl", "90 minuten")]
    public void Lifetime_InTheLargestWholeUnit(string lifetime, string language, string expected)
    {
        using var _ = Languages.Use(CultureInfo.GetCultureInfo(language));

        AccountEmailText.Lifetime(TimeSpan.Parse(lifetime, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }
}
