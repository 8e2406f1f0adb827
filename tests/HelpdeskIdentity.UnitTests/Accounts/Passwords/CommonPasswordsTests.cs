using System.Text;
using HelpdeskIdentity.Api.Accounts.Passwords;
using Shouldly;
using Xunit;

namespace HelpdeskIdentity.UnitTests.Accounts.Passwords;

public sealed class CommonPasswordsTests
{
    private static readonly CommonPasswords List = CommonPasswords.Bundled;

    [Fact]
    public void Bundled_HoldsMoreThanTheHundredThousandMostCommon() => List.Count.ShouldBeGreaterThan(400_000);

    [Fact]
    public void Bundled_IsLowerCasePrintableAsciiSortedByByteValueWithoutDuplicates()
    {
        for (var i = 0; i < List.Count; i++)
        {
            var entry = List[i];
            entry.Length.ShouldBeGreaterThan(0);
            entry.ShouldBe(entry.ToLowerInvariant());
            entry.All(c => c is >= ' ' and <= '~').ShouldBeTrue(entry);
            if (i > 0)
            {
                string.CompareOrdinal(List[i - 1], entry).ShouldBeLessThan(0, entry);
            }
        }
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("qwertyuiopasdfgh")]
    [InlineData("1q2w3e4r5t6y7u8i")]
    [InlineData("trustno1")]
    public void Contains_ListEntries_CaseInsensitively(string password) => List.Contains(password).ShouldBeTrue();

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("smörgåsbord på!")]
    [InlineData("")]
    [InlineData("tab\tpassword")]
    public void Contains_OtherText_IsFalse(string password) => List.Contains(password).ShouldBeFalse();

    [Fact]
    public void Contains_EveryEntry_IsFoundByTheSearch()
    {
        for (var i = 0; i < List.Count; i += 997)
        {
            List.Contains(List[i]).ShouldBeTrue(List[i]);
        }

        List.Contains(List[0]).ShouldBeTrue();
        List.Contains(List[List.Count - 1]).ShouldBeTrue();
        Encoding.ASCII.GetByteCount(List[List.Count - 1]).ShouldBeGreaterThan(0);
    }
}
