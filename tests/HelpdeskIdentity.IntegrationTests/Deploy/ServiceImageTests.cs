using HelpdeskIdentity.TestSupport;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Deploy;

/// <summary>The service image as built (deploy/container/Containerfile): what an orchestrator and an operator rely on.</summary>
public sealed class ServiceImageTests
{
    [Fact]
    public async Task Image_RunsAsItsOwnNonRootUser_HasNoHealthcheck_AndItsApplicationIsReadOnlyToIt()
    {
        var image = (await StackImages.EnvironmentAsync())["HELPDESK_IMAGE"];

        var config = await PodmanAsync("image", "inspect", "--format", "{{.Config.User}}|{{.Config.Healthcheck}}|{{.Config.Entrypoint}}", image);
        var (user, healthcheck, entrypoint) = (config.Split('|')[0], config.Split('|')[1], config.Split('|')[2]);
        // Read-only root, a tmpfs on /tmp and a volume on the mailbox, as compose and Kubernetes run it.
        var probe = await PodmanAsync("run", "--rm", "--read-only", "--tmpfs", "/tmp", "--volume", "/var/lib/helpdesk/mailbox", "--entrypoint", "/bin/sh", image,
            "-c", "id -u; for d in /app /tmp /var/lib/helpdesk/mailbox; do test -w $d && echo writable $d; done; true");

        user.ShouldBe("1654:1654", "the image names its non-root user; runAsNonRoot needs a numeric one");
        healthcheck.ShouldNotContain("CMD", Case.Sensitive, "the orchestrator probes /health/*; the image declares no HEALTHCHECK");
        entrypoint.ShouldContain("/app/HelpdeskIdentity.Api");
        probe.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ShouldBe(["1654", "writable /tmp", "writable /var/lib/helpdesk/mailbox"], "the service may write /tmp and the mailbox volume, never its own files");
    }

    private static async Task<string> PodmanAsync(params string[] arguments)
    {
        var result = await Shell.RunAsync("podman", arguments, new Dictionary<string, string>(), null, Repository.Root, TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, $"podman {string.Join(' ', arguments)}:\n{result.Output}");
        return result.Output.Trim();
    }
}
