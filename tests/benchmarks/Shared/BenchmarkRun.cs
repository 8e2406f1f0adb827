namespace HelpdeskIdentity.Benchmarks;

/// <summary>
/// The frame of a benchmark program: Ctrl-C cancels, a <see cref="BenchmarkException"/> is one line
/// and its exit code, a dependency lost mid-run says so (exit 1), a cancellation exits 130.
/// </summary>
internal static class BenchmarkRun
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> measure, Func<Exception, string?> describeLostDependency)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return await measure(cancel.Token);
        }
        catch (BenchmarkException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (Exception ex) when (describeLostDependency(ex) is { } lost)
        {
            // E.g. run.sh stopped mid-run.
            await Console.Error.WriteLineAsync($"Lost {lost} during the run ({ex.Message}); is deploy/local/run.sh still running?");
            return 1;
        }
    }
}
