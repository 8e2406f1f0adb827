namespace OidcBenchmark;

/// <summary>One request: when it completed (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), how long it took, and what went wrong (null: it succeeded).</summary>
internal readonly record struct RequestSample(long CompletedAt, double Milliseconds, string? Error);
