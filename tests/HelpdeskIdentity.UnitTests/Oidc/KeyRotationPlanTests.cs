using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Keys;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Oidc;

public sealed class KeyRotationPlanTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LongestToken = TimeSpan.FromMinutes(10);
    private readonly KeyRotationPlan _plan = new(new SigningKeyOptions { RotationInterval = TimeSpan.FromDays(30), AnnounceBefore = TimeSpan.FromDays(2) }, LongestToken);

    [Fact]
    public void Missing_NoKeysAtAll_IsAKeyThatSignsAtOnce() =>
        _plan.Missing([], T0).ShouldBe((T0, T0.AddDays(30)));

    [Fact]
    public void Active_OnlyAFirstKeyStampedALittleAhead_IsThatKey()
    {
        IReadOnlyList<StoredSigningKey> keys = [Key("first", T0.AddMilliseconds(300))];

        KeyRotationPlan.Active(keys, T0)!.KeyId.ShouldBe("first", "an instance whose clock is behind still signs with the first key");
        _plan.Missing(keys, T0).ShouldBeNull("and does not make a second one");
    }

    [Fact]
    public void Missing_ActiveKeyFarFromRetirement_IsNothing() =>
        _plan.Missing([Key("a", T0)], T0.AddDays(27)).ShouldBeNull();

    [Fact]
    public void Missing_ActiveKeyWithinTheAnnouncementWindow_IsItsSuccessorAtItsRetirement() =>
        _plan.Missing([Key("a", T0)], T0.AddDays(28)).ShouldBe((T0.AddDays(30), T0.AddDays(60)));

    [Fact]
    public void Missing_ServiceWasDownPastRetirement_SuccessorIsStillAnnouncedBeforeUse()
    {
        var now = T0.AddDays(45);

        var missing = _plan.Missing([Key("a", T0)], now);

        missing.ShouldBe((now.AddDays(2), now.AddDays(32)));
        KeyRotationPlan.Active([Key("a", T0), Key("b", missing!.Value.ActivatesAt)], now)!.KeyId.ShouldBe("a", "the old key keeps signing until the new one is announced");
    }

    [Fact]
    public void Missing_SuccessorAlreadyAnnounced_IsNothing() =>
        _plan.Missing([Key("a", T0), Key("b", T0.AddDays(30))], T0.AddDays(29)).ShouldBeNull();

    [Fact]
    public void Published_RetiredKey_StaysForTheLongestTokenLifetimeAfterItsSuccessorTookOver()
    {
        IReadOnlyList<StoredSigningKey> keys = [Key("a", T0), Key("b", T0.AddDays(30))];

        _plan.Published(keys, T0.AddDays(30) + LongestToken - TimeSpan.FromSeconds(1)).Select(k => k.KeyId).ShouldBe(["a", "b"]);
        _plan.Published(keys, T0.AddDays(30) + LongestToken).Select(k => k.KeyId).ShouldBe(["b"]);
    }

    [Fact]
    public void NextChange_IsTheEarliestFutureTransition() =>
        _plan.NextChange([Key("a", T0)], T0.AddDays(1)).ShouldBe(T0.AddDays(28));

    [Fact]
    public void Rotation_Routine_AnnouncesASuccessorThatSignsAfterTheAnnouncement()
    {
        var now = T0.AddDays(3);
        var rotation = _plan.Rotation([Key("a", T0)], now, immediately: false);

        rotation.ShouldBe((now.AddDays(2), now.AddDays(32)));
        IReadOnlyList<StoredSigningKey> keys = [Key("a", T0), Key("b", rotation!.Value.ActivatesAt)];
        KeyRotationPlan.Active(keys, now)!.KeyId.ShouldBe("a", "announced, not signing yet");
        _plan.Published(keys, now).Select(k => k.KeyId).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Rotation_Routine_WithASuccessorAlreadyAnnounced_AddsNothing() =>
        _plan.Rotation([Key("a", T0), Key("b", T0.AddDays(30))], T0.AddDays(29), immediately: false).ShouldBeNull();

    [Fact]
    public void Rotation_Immediate_SignsNow_AndTheReplacedKeyRetiresAsAnyOther()
    {
        var now = T0.AddDays(3);
        var rotation = _plan.Rotation([Key("a", T0), Key("b", T0.AddDays(30))], now, immediately: true);

        rotation.ShouldBe((now, now.AddDays(30)), "even with a successor announced: the operator wants a new key now");
        IReadOnlyList<StoredSigningKey> keys = [Key("a", T0), Key("now", now)];
        KeyRotationPlan.Active(keys, now)!.KeyId.ShouldBe("now");
        _plan.Published(keys, now + LongestToken - TimeSpan.FromSeconds(1)).Select(k => k.KeyId).ShouldBe(["a", "now"]);
        _plan.Published(keys, now + LongestToken).Select(k => k.KeyId).ShouldBe(["now"]);
    }

    [Fact]
    public void State_FollowsAKeyThroughItsLife()
    {
        IReadOnlyList<StoredSigningKey> keys = [Key("a", T0), Key("b", T0.AddDays(30))];
        SigningKeyState[] States(DateTimeOffset now) => keys.Select(k => _plan.State(keys, k, now)).ToArray();

        States(T0.AddDays(29)).ShouldBe([SigningKeyState.Active, SigningKeyState.Announced]);
        States(T0.AddDays(30)).ShouldBe([SigningKeyState.Retiring, SigningKeyState.Active]);
        States(T0.AddDays(30) + LongestToken).ShouldBe([SigningKeyState.Retired, SigningKeyState.Active]);
    }

    private static StoredSigningKey Key(string id, DateTimeOffset activatesAt) =>
        new(id, "RS256", "protected", "{}", activatesAt, activatesAt, activatesAt.AddDays(30));
}
