using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Configuration;

/// <summary>
/// Security review findings 4, 5 and 12: outside Development the service refuses to start with the development mailbox
/// or with any Host header allowed, and in Production without a key-encryption certificate for the Data Protection key ring (unless accepted
/// explicitly) — naming the setting.
/// </summary>
public sealed class ProductionGuardTests(LocalServers servers)
{
    private static readonly TestEnvironment Unused = new("Host=127.0.0.1;Port=1;Database=none;Username=none", "amqp://guest:guest@127.0.0.1:1/");

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DevelopmentMailbox_OutsideDevelopment_StopsStartUp_NamingTheSetting(string environment)
    {
        var error = await StartFailureAsync(environment, ("Email:Mailbox:Enabled", "true"), ("DataProtection:AllowUnencryptedKeys", "true"), ("AllowedHosts", "id.example.com"));

        error.ShouldContain("Email:Mailbox:Enabled");
        error.ShouldNotContain("DataProtection:CertificatePath");
    }

    [Fact]
    public async Task Production_WithoutAKeyEncryptionCertificate_StopsStartUp_NamingBothWaysOut()
    {
        var error = await StartFailureAsync("Production", ("AllowedHosts", "id.example.com"));

        error.ShouldContain("DataProtection:CertificatePath");
        error.ShouldContain("DataProtection:AllowUnencryptedKeys=true");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    [InlineData("id.example.com;*")]
    public async Task OutsideDevelopment_AnyHostAllowed_StopsStartUp_NamingAllowedHosts(string? allowedHosts)
    {
        var settings = new List<(string, string)> { ("DataProtection:AllowUnencryptedKeys", "true") };
        if (allowedHosts is not null)
        {
            settings.Add(("AllowedHosts", allowedHosts));
        }

        var error = await StartFailureAsync("Production", [.. settings]);

        error.ShouldContain("AllowedHosts must name the host names");
    }

    [Fact]
    public async Task Production_AnotherHostHeader_Refused400_TheConfiguredOneServed()
    {
        await using var host = new IdentityHost(await servers.NewEnvironmentAsync("guard_hosts"),
            new Dictionary<string, string?> { ["DataProtection:AllowUnencryptedKeys"] = "true", ["AllowedHosts"] = "localhost" });
        await using var production = host.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateClient();

        using var evil = new HttpRequestMessage(HttpMethod.Get, "/account/password");
        evil.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(evil, TestContext.Current.CancellationToken);
        using var served = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Headers.Location.ShouldBeNull();
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Production_WithACertificate_Starts()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"hdid-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=HelpdeskIdentity key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, self.Export(X509ContentType.Pkcs12, "pw"), TestContext.Current.CancellationToken);
        }

        try
        {
            await using var host = new IdentityHost(await servers.NewEnvironmentAsync("guard_certificate"),
                new Dictionary<string, string?>
                {
                    ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "pw", ["AllowedHosts"] = "localhost",
                });
            await using var production = host.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
            using var client = production.CreateClient();

            using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task Production_UnencryptedKeysAcceptedExplicitly_Starts_AndTheDevelopmentMailboxIsNotServed()
    {
        await using var host = new IdentityHost(await servers.NewEnvironmentAsync("guard_explicit"),
            new Dictionary<string, string?> { ["DataProtection:AllowUnencryptedKeys"] = "true", ["AllowedHosts"] = "localhost" });
        await using var production = host.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateClient();

        using var mailbox = await client.GetAsync(new Uri("/dev/mailbox", UriKind.Relative), TestContext.Current.CancellationToken);

        mailbox.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<string> StartFailureAsync(string environment, params (string Key, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        values["Database:MigrateOnStartup"] = "false";
        await using var host = new IdentityHost(Unused, values);
        await using var started = host.WithWebHostBuilder(builder => builder.UseEnvironment(environment));

        var error = await Should.ThrowAsync<Exception>(() => Task.Run(() => started.CreateClient()));

        return error.ToString();
    }
}
