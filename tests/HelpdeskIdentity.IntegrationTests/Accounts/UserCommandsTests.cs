using System.Net;
using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using HelpdeskIdentity.IntegrationTests.Pages;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary><c>users add</c> / <c>users show</c> through the command-line entry point, against the service's database.</summary>
public sealed class UserCommandsTests(SignInFixture fixture) : IClassFixture<SignInFixture>
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task UsersAdd_ThenSignIn_WithThatPassword_Works()
    {
        var email = $"operator-made@{Senders.UniqueDomain()}";

        var add = await RunAsync(["users", "add", email, "--name", "Olga Operator"], Password + "\n");

        add.ExitCode.ShouldBe(0, add.Error);
        add.Output.ShouldContain("Created account");
        using var browser = new BrowserClient(fixture.Host);
        using var response = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        BrowserClient.SetCookie(response, SessionCookie.CookieName).ShouldNotBeNull();
        (await browser.GetPageAsync("/")).ShouldContain("Olga Operator");
    }

    [Fact]
    public async Task UsersAdd_ExistingAddress_FailsWithExit1AndKeepsTheAccount()
    {
        var email = $"twice@{Senders.UniqueDomain()}";
        (await RunAsync(["users", "add", email], Password + "\n")).ExitCode.ShouldBe(0);

        var again = await RunAsync(["users", "add", email.ToUpperInvariant()], "another password\n");

        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("already exists");
        (await fixture.Host.CountAccountsAsync(email)).ShouldBe(1);
    }

    [Theory]
    [InlineData("not-an-address", Password, "not a valid e-mail address")]
    [InlineData("pay@p\u0430ypal.example", Password, "look-alike address")] // a Cyrillic "а": security review finding 10
    [InlineData("j\u0430n@example.nl", Password, "look-alike address")]
    [InlineData("ok@example.nl", "short", "Use at least 15 characters; this password has 5.")]
    [InlineData("ok@example.nl", "passwordpassword", "users add: This password is on a list of common or breached passwords; choose another.")]
    [InlineData("ok@example.nl", "Password1234567!", "users add: This password is on a list of common or breached passwords; choose another.")]
    [InlineData("ok@example.nl", "", "no password")]
    public async Task UsersAdd_BadInput_FailsWithExit1AndTheReason(string email, string password, string reason)
    {
        var result = await RunAsync(["users", "add", email.Replace("example.nl", Senders.UniqueDomain(), StringComparison.Ordinal)], password + "\n");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(reason, Case.Insensitive);
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task UsersAdd_PasswordBreakingSeveralRules_PrintsEachMessageOnItsOwnLine()
    {
        var email = $"olga.operator@{Senders.UniqueDomain()}";

        var result = await RunAsync(["users", "add", email, "--name", "Olga Operator"], "Acme Helpdesk\n");

        result.ExitCode.ShouldBe(1);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "users add: Use at least 15 characters; this password has 13.",
            "users add: The password must not contain \"Acme Helpdesk\".",
        ]);
        (await fixture.Host.CountAccountsAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task UsersAdd_PasswordWithTheName_IsRefused()
    {
        var result = await RunAsync(["users", "add", $"o.operator@{Senders.UniqueDomain()}", "--name", "Olga Operator"], "olga operator forever\n");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("users add: The password must not contain your name.");
    }

    [Fact]
    public async Task UsersShow_PrintsTheAccountButNeverTheHash()
    {
        var email = $"shown@{Senders.UniqueDomain()}";
        await RunAsync(["users", "add", email, "--name", "Sam Shown"], Password + "\n");
        var account = await fixture.Host.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.NormalizedEmail == email)));

        var show = await RunAsync(["users", "show", email.ToUpperInvariant()], "");

        show.ExitCode.ShouldBe(0, show.Error);
        show.Output.ShouldContain($"id:               {account.Id}");
        show.Output.ShouldContain($"email:            {email}");
        show.Output.ShouldContain("name:             Sam Shown");
        show.Output.ShouldContain("verified:         yes");
        show.Output.ShouldContain("has-password:     yes");
        show.Output.ShouldContain("locked-out-until: -");
        show.Output.ShouldContain("tickets:          0");
        show.Output.ShouldNotContain(account.PasswordHash!);
        show.Output.ShouldNotContain(account.SecurityStamp!);
    }

    [Fact]
    public async Task UsersShow_UnknownAddress_FailsWithExit1()
    {
        var show = await RunAsync(["users", "show", $"nobody@{Senders.UniqueDomain()}"], "");

        show.ExitCode.ShouldBe(1);
        show.Error.ShouldContain("no account");
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string input)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Identity"] = fixture.Host.Environment.ConnectionString,
            ["Branding:ProductName"] = "Acme Helpdesk",
            ["Accounts:Lockout:MaxFailedAttempts"] = SignInFixture.MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, configuration, new CliConsole(new StringReader(input), output, error));
        return (exitCode, output.ToString(), error.ToString());
    }
}
