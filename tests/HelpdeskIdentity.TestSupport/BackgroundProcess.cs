using System.Diagnostics;
using System.Text;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// A server program in a process of its own, ready once a URL of it answers with success; keeps what it
/// prints (for failure messages) and ends it with its children when disposed.
/// </summary>
public sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BackgroundProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="readyUrl">Polled until it answers 2xx; the process exiting first, or the timeout, throws with its output.</param>
    public static async Task<BackgroundProcess> StartAsync(ProcessStartInfo start, Uri readyUrl, string what, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var started = new BackgroundProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start " + what));
        started._process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started._process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();

        using var client = new HttpClient();
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (started._process.HasExited)
                {
                    throw new InvalidOperationException($"{what} exited while starting:\n" + started.Output);
                }

                try
                {
                    return (await client.GetAsync(readyUrl)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, what + " is ready", timeout);
        }
        catch (TimeoutException ex)
        {
            await started.DisposeAsync();
            throw new TimeoutException(ex.Message + "\n" + started.Output, ex);
        }

        return started;
    }

    /// <summary>The orchestrator's stop: SIGTERM, then the exit code once the process ended by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} failed with {kill.ExitCode}");
            }
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
