using System.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace OidcBenchmark;

/// <summary>
/// The bare cost of checking a password: <see cref="PasswordHasher{TUser}.VerifyHashedPassword"/> with the
/// right password against the stored hash, in this process, with nothing else (no HTTP, no database).
/// </summary>
internal static class HashFloor
{
    /// <exception cref="BenchmarkException">The password does not verify against the hash.</exception>
    public static HashFloorMeasurement Measure(StoredPasswordHash stored, string password, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Once unmeasured: checks the pair, and compiles the path.
        var result = new PasswordHasher<HashUser>().VerifyHashedPassword(new HashUser(), stored.Hash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            throw new BenchmarkException("The benchmark user's stored hash does not verify with its password.");
        }

        Console.Error.WriteLine($"Hash floor: 1 thread for {duration.TotalSeconds:0} s…");
        var single = RunThreads(1, stored.Hash, password, duration, cancellationToken);
        var threads = Environment.ProcessorCount;
        Console.Error.WriteLine($"Hash floor: {threads} threads for {duration.TotalSeconds:0} s…");
        var parallel = RunThreads(threads, stored.Hash, password, duration, cancellationToken);
        return new HashFloorMeasurement(stored.Describe(), single[0].Count, single[0].Elapsed, threads,
            parallel.Sum(r => r.Count), parallel.Sum(r => r.Count / r.Elapsed.TotalSeconds));
    }

    /// <summary>Each thread verifies until the time is up; each reports its count and its own time to its last verification.</summary>
    private static (long Count, TimeSpan Elapsed)[] RunThreads(int count, string hash, string password, TimeSpan duration, CancellationToken cancellationToken)
    {
        var results = new (long Count, TimeSpan Elapsed)[count];
        using var ready = new Barrier(count);
        void Verify(int i)
        {
            var hasher = new PasswordHasher<HashUser>();
            var user = new HashUser();
            ready.SignalAndWait();
            var started = Stopwatch.GetTimestamp();
            var verified = 0L;
            while (Stopwatch.GetElapsedTime(started) < duration && !cancellationToken.IsCancellationRequested)
            {
                hasher.VerifyHashedPassword(user, hash, password);
                verified++;
            }

            results[i] = (verified, Stopwatch.GetElapsedTime(started));
        }

        var threads = Enumerable.Range(0, count)
            .Select(i => new Thread(() => Verify(i)) { IsBackground = true, Name = $"hash-floor-{i}" })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }
}
