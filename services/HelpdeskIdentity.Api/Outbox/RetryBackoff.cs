namespace HelpdeskIdentity.Api.Outbox;

/// <summary>The delay before retry <c>attempts</c> of a queued message (bus event or e-mail).</summary>
public static class RetryBackoff
{
    /// <summary>1 s, 2 s, 4 s… up to <paramref name="maximum"/>, with up to 20 % jitter so instances do not retry in step.</summary>
    public static TimeSpan After(int attempts, TimeSpan maximum)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Min(attempts - 1, 30)), maximum.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
    }
}
