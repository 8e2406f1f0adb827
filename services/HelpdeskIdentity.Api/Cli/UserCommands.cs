using System.Globalization;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Cli;

/// <summary><c>users add</c> and <c>users show</c>: accounts an operator creates and inspects.</summary>
internal static class UserCommands
{
    /// <summary>Creates a claimed, verified account with the password on the first line of standard input.</summary>
    public static async Task<int> AddAsync(IConfiguration configuration, string email, string? name, CliConsole console)
    {
        if (MailboxParser.Parse(email) is { IsValid: false } invalid)
        {
            await console.Error.WriteLineAsync($"users add: not a valid e-mail address: {invalid.Message}");
            return 1;
        }

        var password = await PasswordInput.ReadAsync(console);
        if (string.IsNullOrEmpty(password))
        {
            await console.Error.WriteLineAsync("users add: no password on standard input (the first line is the password).");
            return 1;
        }

        return await CliServices.RunAsync(configuration, console, "users", async services =>
        {
            var result = await services.GetRequiredService<OperatorAccounts>().CreateAsync(email, name, password);
            if (result.Account is not { } account)
            {
                // One line per reason: a refused password lists every policy rule it broke.
                foreach (var error in result.Errors)
                {
                    await console.Error.WriteLineAsync($"users add: {error}");
                }

                return 1;
            }

            await console.Output.WriteLineAsync($"Created account {account.Id} for {account.Email} (verified, with a password).");
            return 0;
        });
    }

    /// <summary>Prints an account's facts; never its password hash or security stamp.</summary>
    public static Task<int> ShowAsync(IConfiguration configuration, string email, CliConsole console) =>
        CliServices.RunAsync(configuration, console, "users", async services =>
        {
            if (await services.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email) is not { } account)
            {
                await console.Error.WriteLineAsync("users show: no account for this address.");
                return 1;
            }

            string Time(DateTimeOffset? value) => value?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
            var lockedUntil = account.LockoutEnd > DateTimeOffset.UtcNow ? account.LockoutEnd : null;
            await console.Output.WriteLineAsync($"""
                id:               {account.Id}
                email:            {account.Email}
                name:             {account.DisplayName ?? "-"}
                verified:         {(account.EmailConfirmed ? "yes" : "no")}
                has-password:     {(account.PasswordHash is null ? "no" : "yes")}
                locked-out-until: {Time(lockedUntil)}
                tickets:          {account.TicketCount}
                organisation-id:  {account.OrganizationId?.ToString() ?? "-"}
                created:          {Time(account.CreatedAt)}
                """);
            return 0;
        });
}
