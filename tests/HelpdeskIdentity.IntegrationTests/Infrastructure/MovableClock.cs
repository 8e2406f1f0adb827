namespace HelpdeskIdentity.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
