using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>The password-reset tests' service with a clock the tests move and the shortest proof window (1 minute), for <see cref="RecentProofTests"/>.</summary>
public sealed class RecentProofFixture(LocalServers servers) : IntakeFixture(servers)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public MovableClock Time { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => Time;

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(PasswordResetFixture.Configure(TestClients.Settings())) { ["Accounts:ReauthenticateAfter"] = "00:01:00" };

    /// <summary>Moves the service's clock past the proof window: every session signed in or confirmed before is no longer recent.</summary>
    public void LetTheProofAge() => Time.Advance(Window + TimeSpan.FromSeconds(30));
}
