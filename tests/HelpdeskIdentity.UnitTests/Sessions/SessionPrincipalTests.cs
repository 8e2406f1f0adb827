using System.Security.Claims;
using HelpdeskIdentity.Api.Sessions;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Sessions;

public sealed class SessionPrincipalTests
{
    private const string Stamp = "J5XHDLCOMLR2DTPWXVJ2VGGCLDKIQ2YB";

    [Fact]
    public void Create_ThenRead_GivesSubjectAuthTimeAndA128BitSessionId()
    {
        var accountId = Guid.NewGuid();
        var signedInAt = new DateTimeOffset(2025, 3, 1, 12, 30, 15, TimeSpan.Zero);

        var session = SessionPrincipal.Read(SessionPrincipal.Create(accountId, signedInAt, Stamp, [AuthenticationMethods.Password])).ShouldNotBeNull();

        session.SubjectId.ShouldBe(accountId.ToString());
        session.AuthenticatedAt.ShouldBe(signedInAt);
        session.SessionId.Length.ShouldBe(22, "16 bytes in base64url without padding");
        session.SessionId.ShouldMatch("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public void Create_Twice_GivesDifferentSessionIds() =>
        SessionPrincipal.Read(SessionPrincipal.Create(Guid.NewGuid(), DateTimeOffset.UtcNow, Stamp, [AuthenticationMethods.Password]))!.SessionId
            .ShouldNotBe(SessionPrincipal.Read(SessionPrincipal.Create(Guid.NewGuid(), DateTimeOffset.UtcNow, Stamp, [AuthenticationMethods.Password]))!.SessionId);

    [Fact]
    public void Read_PrincipalWithoutSessionClaims_IsNoSession()
    {
        SessionPrincipal.Read(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "not-a-guid")], "x"))).ShouldBeNull();
        SessionPrincipal.Read(null).ShouldBeNull();
    }

    [Fact]
    public void Create_CarriesOnlyAHashOfTheSecurityStamp_AndMatchesThatStampAlone()
    {
        var principal = SessionPrincipal.Create(Guid.NewGuid(), DateTimeOffset.UtcNow, Stamp, [AuthenticationMethods.Password]);

        principal.Claims.ShouldNotContain(c => c.Value.Contains(Stamp, StringComparison.Ordinal));
        SessionPrincipal.HasStamp(principal, Stamp).ShouldBeTrue();
        SessionPrincipal.HasStamp(principal, "ANOTHERSTAMPAFTERAPASSWORDCHANGE").ShouldBeFalse();
        SessionPrincipal.HasStamp(principal, null).ShouldBeFalse("the account is gone");
    }

    [Fact]
    public void Renew_KeepsTheSessionButBindsItToTheNewStamp()
    {
        var original = SessionPrincipal.Create(Guid.NewGuid(), new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), Stamp,
            [AuthenticationMethods.Password, AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultipleFactors]);

        var renewed = SessionPrincipal.Renew(original, "NEWSTAMP");

        (SessionPrincipal.Read(renewed).ShouldNotBeNull() with { Methods = null }).ShouldBe(SessionPrincipal.Read(original).ShouldNotBeNull() with { Methods = null });
        SessionPrincipal.Methods(renewed).ShouldBe(["pwd", "otp", "mfa"], "how the person signed in outlives a password change");
        SessionPrincipal.HasStamp(renewed, "NEWSTAMP").ShouldBeTrue();
        SessionPrincipal.HasStamp(renewed, Stamp).ShouldBeFalse();
    }

    [Fact]
    public void HasStamp_PrincipalFromBeforeStampsWereCarried_IsRefused() =>
        SessionPrincipal.HasStamp(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())], "x")), Stamp)
            .ShouldBeFalse();
}
