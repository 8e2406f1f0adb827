using HelpdeskIdentity.Api.Accounts;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Accounts;

public sealed class MailboxLookupNormalizerTests
{
    private readonly MailboxLookupNormalizer _normalizer = new();

    [Theory]
    [InlineData("Jan@Example.NL", "jan@example.nl")]
    [InlineData("  jan.jansen@EXAMPLE.nl ", "jan.jansen@example.nl")]
    [InlineData("Jan@Bücher.de", "jan@xn--bcher-kva.de")]
    [InlineData("\"Jan\" <JAN@example.nl>", "jan@example.nl")]
    public void NormalizeEmail_AnySpelling_GivesTheCanonicalAddressIntakeStores(string typed, string canonical)
    {
        _normalizer.NormalizeEmail(typed).ShouldBe(canonical);
        _normalizer.NormalizeName(typed).ShouldBe(canonical);
    }

    [Theory]
    [InlineData(" Not An Address ", "not an address")]
    [InlineData("a@b@c", "a@b@c")]
    public void NormalizeEmail_NotAnAddress_TrimsAndLowerCases(string typed, string expected) =>
        _normalizer.NormalizeEmail(typed).ShouldBe(expected);

    [Fact]
    public void NormalizeEmail_Null_StaysNull() => _normalizer.NormalizeEmail(null).ShouldBeNull();
}
