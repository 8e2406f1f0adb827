using System.Security.Claims;
using HelpdeskIdentity.Api.Sessions;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Sessions;

public sealed class SessionPrincipalTests
{
    [Fact]
    public void Create_ThenRead_GivesSubjectAuthTimeAndA128BitSessionId()
    {
        var accountId = Guid.NewGuid();
        var signedInAt = new DateTimeOffset(2025, 3, 1, 12, 30, 15, TimeSpan.Zero);

        var session = SessionPrincipal.Read(SessionPrincipal.Create(accountId, signedInAt)).ShouldNotBeNull();

        session.SubjectId.ShouldBe(accountId.ToString());
        session.AuthenticatedAt.ShouldBe(signedInAt);
        session.SessionId.Length.ShouldBe(22, "16 bytes in base64url without padding");
        session.SessionId.ShouldMatch("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public void Create_Twice_GivesDifferentSessionIds() =>
        SessionPrincipal.Read(SessionPrincipal.Create(Guid.NewGuid(), DateTimeOffset.UtcNow))!.SessionId
            .ShouldNotBe(SessionPrincipal.Read(SessionPrincipal.Create(Guid.NewGuid(), DateTimeOffset.UtcNow))!.SessionId);

    [Fact]
    public void Read_PrincipalWithoutSessionClaims_IsNoSession()
    {
        SessionPrincipal.Read(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "not-a-guid")], "x"))).ShouldBeNull();
        SessionPrincipal.Read(null).ShouldBeNull();
    }
}
