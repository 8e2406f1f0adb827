using System.Diagnostics;

namespace OidcBenchmark;

/// <summary>Times one request; a transport failure or a timeout is an error of the sample, not of the run.</summary>
internal static class TimedRequest
{
    /// <param name="send">Sends the request, reads the answer, and returns what was wrong with it (null: nothing).</param>
    public static async Task<RequestSample> RunAsync(Func<Task<string?>> send, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            error = await send();
        }
        catch (HttpRequestException ex)
        {
            error = $"transport: {ex.HttpRequestError}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }

        var completed = Stopwatch.GetTimestamp();
        return new RequestSample(completed, Stopwatch.GetElapsedTime(started, completed).TotalMilliseconds, error);
    }
}
