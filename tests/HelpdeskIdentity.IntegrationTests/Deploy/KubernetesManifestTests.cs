using System.Net;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Production;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Shouldly;
using YamlDotNet.Serialization;

namespace HelpdeskIdentity.IntegrationTests.Deploy;

/// <summary>deploy/k8s rendered offline by <c>kubectl kustomize</c>, read as an operator's cluster would read it.</summary>
public sealed class KubernetesManifestTests(LocalServers servers)
{
    private static readonly string[] Probes = ["startupProbe", "readinessProbe", "livenessProbe"];

    [Theory]
    [InlineData("base", 2)]
    [InlineData("overlays/production", 3)]
    public async Task Rendered_DeploymentIsProbedNonRootReadOnly_ScaledAndGuarded(string folder, int replicas)
    {
        var (rendered, documents) = await RenderAsync(folder);

        var deployment = Single(documents, "Deployment");
        Int(At(deployment, "spec", "replicas")).ShouldBe(replicas);
        var pod = At(deployment, "spec", "template", "spec");
        var container = List(At(pod, "containers")).Single();
        Str(At(container, "readinessProbe", "httpGet", "path")).ShouldBe("/health/ready");
        Str(At(container, "livenessProbe", "httpGet", "path")).ShouldBe("/health/live");
        Str(At(container, "securityContext", "readOnlyRootFilesystem")).ShouldBe("true");
        Str(At(container, "securityContext", "allowPrivilegeEscalation")).ShouldBe("false");
        Str(At(pod, "securityContext", "runAsNonRoot")).ShouldBe("true");
        Int(At(pod, "securityContext", "runAsUser")).ShouldBeGreaterThan(0);
        At(container, "resources", "requests", "cpu").ShouldNotBeNull();
        At(container, "resources", "limits", "memory").ShouldNotBeNull();
        List(At(container, "volumeMounts")).ShouldContain(mount => Str(At(mount, "mountPath")) == "/tmp", "a writable /tmp beside the read-only root");

        Int(At(Single(documents, "HorizontalPodAutoscaler"), "spec", "minReplicas")).ShouldBe(replicas);
        Int(At(Single(documents, "PodDisruptionBudget"), "spec", "minAvailable")).ShouldBeLessThan(replicas);
        Int(At(Single(documents, "Service", "helpdesk-identity"), "spec", "ports", 0, "port")).ShouldBe(80);
        Str(At(Single(documents, "Service", "helpdesk-postgres"), "spec", "type")).ShouldBe("ExternalName");
        Str(At(Single(documents, "Service", "helpdesk-rabbitmq"), "spec", "type")).ShouldBe("ExternalName");
        Str(At(Single(documents, "ConfigMap"), "data", "ASPNETCORE_ENVIRONMENT")).ShouldBe("Production");

        // Secrets are referenced by name and key; none is defined, and no value that looks like one is written.
        documents.ShouldNotContain(d => Str(At(d, "kind")) == "Secret");
        var secretEnv = List(At(container, "env")).Where(e => At(e, "valueFrom", "secretKeyRef") is not null).Select(e => Str(At(e, "name"))).ToList();
        secretEnv.ShouldContain("ConnectionStrings__Identity");
        secretEnv.ShouldContain("RabbitMq__Url");
        rendered.ShouldNotContain("Password=", Case.Insensitive);
        rendered.ShouldNotContain("amqp://", Case.Insensitive);
        rendered.ShouldNotContain("BEGIN PRIVATE KEY");
    }

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/production")]
    public async Task RenderedSettings_PassTheProductionGuard_AndEveryProbeNamesAnAllowedHost(string folder)
    {
        var (_, documents) = await RenderAsync(folder);
        var container = Container(documents);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(PodSettings(documents, container)).Build();
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };

        ProductionGuard.Rules.Where(rule => rule.Offends(configuration, production)).Select(rule => rule.Setting)
            .ShouldBeEmpty("a pod with these settings would refuse to start");
        DevelopmentDefaultsGuard.Find(configuration).ShouldBeEmpty();
        var allowed = configuration["AllowedHosts"].ShouldNotBeNull().Split(';');
        foreach (var probe in Probes)
        {
            allowed.ShouldContain(ProbeHost(container, probe), $"{probe}: by default the kubelet sends the pod's address, which host filtering refuses");
        }
    }

    [Fact]
    public async Task RenderedSettings_StartInProduction_AndAnswerTheProbes_ButNotARequestForThePodsAddress()
    {
        var (_, documents) = await RenderAsync("base");
        var container = Container(documents);
        var settings = PodSettings(documents, container);
        // The secrets come from the test's own PostgreSQL and RabbitMQ (IdentityHost); the key-ring certificate is a
        // Secret this test does not have.
        foreach (var secret in new[] { "ConnectionStrings:Identity", "RabbitMq:Url", "DataProtection:CertificatePath", "DataProtection:CertificatePassword" })
        {
            settings.Remove(secret);
        }

        settings["DataProtection:AllowUnencryptedKeys"] = "true";
        await using var host = new IdentityHost(await servers.NewEnvironmentAsync("k8s_probes"), settings);
        await using var production = host.WithWebHostBuilder(builder => builder.UseEnvironment(Environments.Production));
        using var client = production.CreateClient();

        foreach (var probe in Probes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Str(At(container, probe, "httpGet", "path")));
            request.Headers.Host = ProbeHost(container, probe);
            using var answer = await client.SendAsync(request, TestContext.Current.CancellationToken);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, $"{probe} as the kubelet sends it");
        }

        using var byAddress = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        byAddress.Headers.Host = "10.1.2.3:8080";
        using var refused = await client.SendAsync(byAddress, TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "host filtering is on: a probe without its Host header would fail");
    }

    [Fact]
    public async Task Production_RunsTheMigrateJob_AndTheReplicasSkipMigrating()
    {
        var (_, documents) = await RenderAsync("overlays/production");

        var job = Single(documents, "Job");
        var container = List(At(job, "spec", "template", "spec", "containers")).Single();
        List(At(container, "args")).Select(Str).ShouldBe(["migrate"]);
        Str(At(container, "securityContext", "readOnlyRootFilesystem")).ShouldBe("true");
        Str(At(Single(documents, "ConfigMap"), "data", "Database__MigrateOnStartup")).ShouldBe("false");
    }

    private static async Task<(string Rendered, List<Dictionary<object, object>> Documents)> RenderAsync(string folder)
    {
        await Shell.RunAsync("bash", "-c", $"command -v kubectl >/dev/null || '{Repository.Script("install.sh")}' kubernetes-client");
        var rendered = await Shell.RunAsync("kubectl", "kustomize", Path.Combine(Repository.Root, "deploy", "k8s", folder));
        var deserializer = new DeserializerBuilder().Build();
        var documents = rendered.Split("\n---\n")
            .Select(text => deserializer.Deserialize<Dictionary<object, object>>(text))
            .ToList();
        return (rendered, documents);
    }

    private static Dictionary<object, object> Container(List<Dictionary<object, object>> documents) =>
        (Dictionary<object, object>)List(At(Single(documents, "Deployment"), "spec", "template", "spec", "containers")).Single();

    private static string ProbeHost(Dictionary<object, object> container, string probe) =>
        Str(At(List(At(container, probe, "httpGet", "httpHeaders")).Single(h => Str(At(h, "name")) == "Host"), "value"));

    /// <summary>
    /// The settings a pod starts with, as configuration keys: the ConfigMap, then the container's own env (a Secret's
    /// value read as a placeholder naming its key).
    /// </summary>
    private static Dictionary<string, string?> PodSettings(List<Dictionary<object, object>> documents, Dictionary<object, object> container)
    {
        var settings = ((Dictionary<object, object>)At(Single(documents, "ConfigMap"), "data")!)
            .ToDictionary(entry => Key((string)entry.Key), entry => (string?)Str(entry.Value));
        foreach (var variable in List(At(container, "env")))
        {
            settings[Key(Str(At(variable, "name")))] = At(variable, "value") is string value
                ? value
                : $"secret:{Str(At(variable, "valueFrom", "secretKeyRef", "key"))}";
        }

        return settings;

        static string Key(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);
    }

    private static Dictionary<object, object> Single(List<Dictionary<object, object>> documents, string kind, string? name = null) =>
        documents.Single(d => Str(At(d, "kind")) == kind && (name is null || Str(At(d, "metadata", "name")) == name));

    /// <summary>The value at a path of keys (strings) and list indexes (ints), or null when any step is missing.</summary>
    private static object? At(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (Dictionary<object, object> map, string key) => map.GetValueOrDefault(key),
                (List<object> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }

        return node;
    }

    private static List<object> List(object? node) => node.ShouldBeOfType<List<object>>();

    private static string Str(object? node) => node.ShouldBeOfType<string>();

    private static int Int(object? node) => int.Parse(Str(node), System.Globalization.CultureInfo.InvariantCulture);
}
