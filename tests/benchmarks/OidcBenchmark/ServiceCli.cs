using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OidcBenchmark;

/// <summary>Runs the service binary's own operator commands (<c>dotnet HelpdeskIdentity.Api.dll users add …</c>) against the run's database.</summary>
internal static partial class ServiceCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Creates the benchmark user (claimed, verified, with its password) and returns it with its account id.</summary>
    /// <exception cref="BenchmarkException">The command could not run or refused the account.</exception>
    public static async Task<BenchmarkUser> AddUserAsync(BenchmarkEndpoints endpoints, CancellationToken cancellationToken)
    {
        var (runId, email, password) = BenchmarkUser.Plan();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { endpoints.ServiceBinary, "users", "add", email, "--name", BenchmarkUser.DisplayName },
            WorkingDirectory = Path.GetDirectoryName(endpoints.ServiceBinary),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Identity"] = endpoints.PgConnection;
        start.Environment["RabbitMq__Url"] = endpoints.AmqpUrl;

        using var process = StartOrExplain(start);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        // The password is the first line of standard input.
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new BenchmarkException($"'dotnet {endpoints.ServiceBinary} users add' did not finish in {Limit.TotalSeconds:0} s.");
        }

        var printed = await output;
        if (process.ExitCode != 0 || CreatedAccount().Match(printed) is not { Success: true } created)
        {
            throw new BenchmarkException(
                $"'dotnet {endpoints.ServiceBinary} users add {email}' failed (exit code {process.ExitCode}): {(await error).Trim()} {printed.Trim()}");
        }

        return new BenchmarkUser(runId, Guid.Parse(created.Groups[1].Value), email, password);
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new BenchmarkException("Could not start 'dotnet'.");
        }
        catch (Win32Exception ex)
        {
            throw new BenchmarkException($"Could not start 'dotnet' ({ex.Message}); is the .NET SDK on PATH?");
        }
    }

    [GeneratedRegex("Created account ([0-9a-fA-F-]{36}) ")]
    private static partial Regex CreatedAccount();
}
