using System.Text.Json;
using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.IntegrationTests.Accounts;
using HelpdeskIdentity.IntegrationTests.Accounts.Registration;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Organizations;

/// <summary>
/// An organisation holds several domains; a subdomain counts only once listed (<c>organizations add-domain</c>),
/// and then a colleague there registers into it (known-domains mode) and carries it in tokens.
/// </summary>
public sealed class OrganizationCommandsTests(RegistrationFixture fixture) : IClassFixture<RegistrationFixture>
{
    [Fact]
    public async Task AddDomain_ListedSubdomain_ColleagueThereRegistersIntoTheOrganization()
    {
        var domain = Senders.UniqueDomain("acme");
        var organization = (await Registering.TicketFromAsync(fixture.Host, $"first@{domain}")).ShouldNotBeNull();
        var subdomain = $"sales.{domain}";

        var added = await RunAsync("organizations", "add-domain", domain.ToUpperInvariant(), subdomain);

        added.ExitCode.ShouldBe(0, added.Error);
        added.Output.ShouldContain($"id:                {organization}");
        added.Output.ShouldContain($"domains:           {domain} {subdomain}");
        added.Output.ShouldContain("self-registration: on");
        var email = $"seller@{subdomain}";
        using var browser = new BrowserClient(fixture.Host);
        var flow = new CodeFlow(browser);
        var registerUrl = CodeFlow.Location(await browser.GetAsync(flow.AuthorizeUrl("openid organization", ("prompt", "create"))));
        using var created = await Registering.RegisterAsync(fixture.Host, browser, email, "Sam Seller", registerUrl);
        var callback = CodeFlow.Callback(await browser.GetAsync(CodeFlow.Location(created)));
        var tokens = await ProtocolClient.JsonAsync(await flow.RedeemAsync(new ProtocolClient(fixture.Host.CreateClient()), callback["code"]));
        var claim = JsonDocument.Parse(new JsonWebToken(tokens.GetProperty("id_token").GetString()).GetClaim("organization").Value).RootElement;
        claim.GetProperty("id").GetString().ShouldBe(organization.ToString());
        claim.GetProperty("domain").GetString().ShouldBe(subdomain, "the organisation's domain this person writes from");
        (await RunAsync("organizations", "show", subdomain)).Output.ShouldContain("accounts:          2");
    }

    [Fact]
    public async Task AddDomain_PublicProviderOrAnotherOrganizationsDomain_RefusedWithTheReason()
    {
        var domain = Senders.UniqueDomain("acme");
        var other = Senders.UniqueDomain("other");
        await Registering.TicketFromAsync(fixture.Host, $"first@{domain}");
        await Registering.TicketFromAsync(fixture.Host, $"first@{other}");

        var publicProvider = await RunAsync("organizations", "add-domain", domain, "gmail.com");
        var taken = await RunAsync("organizations", "add-domain", domain, other);
        var unknown = await RunAsync("organizations", "show", Senders.UniqueDomain("nobody"));

        publicProvider.ExitCode.ShouldBe(1);
        publicProvider.Error.ShouldContain("gmail.com is a public mail provider's domain");
        taken.ExitCode.ShouldBe(1);
        taken.Error.ShouldContain($"{other} already belongs to organisation");
        unknown.ExitCode.ShouldBe(1);
        unknown.Error.ShouldContain("no organisation has the domain");
        (await RunAsync("organizations", "show", domain)).Output.ShouldContain($"domains:           {domain}\n");
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = fixture.Host.Environment.ConnectionString,
            ["Branding:SupportEmail"] = PasswordResetFixture.SupportEmail,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, configuration, new CliConsole(new StringReader(""), output, error));
        return (exitCode, output.ToString(), error.ToString());
    }
}
