using HelpdeskIdentity.TestSupport;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Deploy;

/// <summary>
/// The container engine and the stack's images (deploy/container/stack.sh build), made once per test run and
/// shared by every fixture that runs them: the compose stack and the scale-out cluster.
/// </summary>
public static class StackImages
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> Built = new(BuildAsync);

    /// <summary><c>DOCKER_HOST</c> and the <c>HELPDESK_*_IMAGE</c> tags stack.sh printed.</summary>
    public static Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() => Built.Value;

    private static async Task<IReadOnlyDictionary<string, string>> BuildAsync()
    {
        var deploy = Path.Combine(Repository.Root, "deploy");
        var environment = new Dictionary<string, string>();
        var engine = await Shell.RunAsync(Path.Combine(deploy, "container", "podman.sh"), "start");
        environment["DOCKER_HOST"] = engine.Trim().Split('=', 2)[1];
        var build = await Shell.RunAsync(Path.Combine(deploy, "container", "stack.sh"), ["build"], environment, null, Repository.Root, TimeSpan.FromMinutes(15));
        build.ExitCode.ShouldBe(0, $"stack.sh build:\n{build.Output}");
        foreach (var line in build.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("HELPDESK_", StringComparison.Ordinal)))
        {
            environment[line.Split('=', 2)[0]] = line.Split('=', 2)[1].Trim();
        }

        return environment;
    }
}
