using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// Where the PostgreSQL and RabbitMQ containers come from. <c>HELPDESK_TEST_IMAGES=official</c> takes the
/// official images (postgres:15, rabbitmq:3.10-management) from Docker Hub, for an engine with internet access;
/// anything else takes the images tests/run.sh builds from tests/containers/ on a local Debian base
/// (localhost/helpdesk-test-postgres, localhost/helpdesk-test-rabbitmq), for machines with no registry.
/// </summary>
public static class TestImages
{
    public const string Setting = "HELPDESK_TEST_IMAGES";

    /// <summary>tests/run.sh sets this to a file; every container a fixture creates adds its id to it (run.sh counts them).</summary>
    public const string ContainerLogSetting = "HELPDESK_TEST_CONTAINER_LOG";

    private static readonly Lock LogGate = new();

    public static bool Official => string.Equals(Environment.GetEnvironmentVariable(Setting), "official", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>HELPDESK_TEST_POSTGRES_IMAGE</c> names another image (tests/run.sh passes the exact tag it built).</summary>
    public static string Postgres => Choose("HELPDESK_TEST_POSTGRES_IMAGE", "postgres:15", "localhost/helpdesk-test-postgres:latest");

    /// <summary><c>HELPDESK_TEST_RABBITMQ_IMAGE</c> names another image (tests/run.sh passes the exact tag it built).</summary>
    public static string RabbitMq => Choose("HELPDESK_TEST_RABBITMQ_IMAGE", "rabbitmq:3.10-management", "localhost/helpdesk-test-rabbitmq:latest");

    private static string Choose(string variable, string official, string local) =>
        Official ? official : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } named ? named : local;

    /// <summary>
    /// A container from <paramref name="image"/> with each container port published on a fixed, free loopback
    /// port of this machine, so a stopped and started container keeps the ports its clients know.
    /// </summary>
    public static ContainerBuilder Builder(string image, params (int HostPort, int ContainerPort)[] ports)
    {
        var builder = new ContainerBuilder(image);
        foreach (var (hostPort, containerPort) in ports)
        {
            builder = builder.WithPortBinding(hostPort, containerPort);
        }

        return builder;
    }

    /// <summary>Starts a new container and notes it in <see cref="ContainerLogSetting"/>'s file.</summary>
    public static async Task StartNewAsync(IContainer container)
    {
        await container.StartAsync();
        if (Environment.GetEnvironmentVariable(ContainerLogSetting) is { Length: > 0 } log)
        {
            lock (LogGate)
            {
                File.AppendAllText(log, container.Id + Environment.NewLine);
            }
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it stops throwing; the last error is in the timeout's message.</summary>
    public static async Task ReadyAsync(Func<Task> probe, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (Exception ex)
            {
                throw new TimeoutException($"{what} did not become ready within {timeout}: {ex.Message}", ex);
            }
        }
    }
}
