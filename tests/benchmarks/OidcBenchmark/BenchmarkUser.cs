using System.Security.Cryptography;

namespace OidcBenchmark;

/// <summary>
/// The run's own account, <c>bench-&lt;run id&gt;@bench.example</c>, with a random password. Only this
/// password is ever posted for it: failed sign-ins would lock the account out.
/// </summary>
internal sealed record BenchmarkUser(string RunId, Guid AccountId, string Email, string Password)
{
    public const string DisplayName = "Bench";

    /// <summary>A fresh run id (hexadecimal, so the address needs no escaping) and password (not containing "bench": the password policy refuses the name).</summary>
    public static (string RunId, string Email, string Password) Plan()
    {
        var runId = $"{DateTime.UtcNow:yyMMddHHmmss}{Random.Shared.Next(0x10000):x4}";
        return (runId, $"bench-{runId}@bench.example", $"load test {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");
    }
}
