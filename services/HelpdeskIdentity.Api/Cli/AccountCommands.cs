using System.Text.Json;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Admin;
using HelpdeskIdentity.Api.MailAddresses;

namespace HelpdeskIdentity.Api.Cli;

/// <summary>
/// <c>accounts find/show/lock/unlock/disable/enable/sign-out/erase/export</c>: the admin API's account operations for an
/// operator at a terminal, through the same classes (and so the same audit events). Accounts print as the API's JSON.
/// </summary>
internal static class AccountCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task<int> FindAsync(IConfiguration configuration, string email, CliConsole console) =>
        CliServices.RunAsync(configuration, console, "accounts", async services =>
        {
            if (MailboxParser.Parse(email.Trim()).Mailbox is not { } mailbox)
            {
                await console.Error.WriteLineAsync("accounts find: not an e-mail address.");
                return 1;
            }

            var accounts = services.GetRequiredService<AdminAccounts>();
            var found = await accounts.FindByEmailAsync(mailbox.Address, CancellationToken.None);
            await accounts.RecordReadAsync(found.SingleOrDefault()?.Id, "find_by_email", CancellationToken.None);
            if (found.Count == 0)
            {
                await console.Error.WriteLineAsync("accounts find: no account for this address.");
                return 1;
            }

            await console.Output.WriteLineAsync(JsonSerializer.Serialize(found[0], Json));
            return 0;
        });

    public static Task<int> ShowAsync(IConfiguration configuration, string id, CliConsole console) =>
        WithAccountAsync(configuration, console, "show", id, async (services, accountId) =>
        {
            var accounts = services.GetRequiredService<AdminAccounts>();
            if (await accounts.FindAsync(accountId, CancellationToken.None) is not { } account)
            {
                return null;
            }

            await accounts.RecordReadAsync(accountId, "read", CancellationToken.None);
            return account;
        });

    /// <summary><c>lock</c>, <c>unlock</c>, <c>disable</c>, <c>enable</c>, <c>sign-out</c>: the change, then the account as it now is.</summary>
    public static Task<int> ChangeAsync(IConfiguration configuration, string action, string id, CliConsole console) =>
        WithAccountAsync(configuration, console, action, id, async (services, accountId) =>
        {
            var accounts = services.GetRequiredService<AdminAccounts>();
            Func<Guid, CancellationToken, Task<bool>> change = action switch
            {
                "lock" => accounts.LockAsync,
                "unlock" => accounts.UnlockAsync,
                "disable" => accounts.DisableAsync,
                "enable" => accounts.EnableAsync,
                _ => accounts.SignOutAsync,
            };
            return await change(accountId, CancellationToken.None) ? await accounts.FindAsync(accountId, CancellationToken.None) : null;
        });

    /// <summary>GDPR erase; asks for <c>--yes</c> because it cannot be undone.</summary>
    public static async Task<int> EraseAsync(IConfiguration configuration, string id, bool confirmed, CliConsole console)
    {
        if (!confirmed)
        {
            await console.Error.WriteLineAsync("accounts erase: this deletes the person for good; repeat with --yes to erase.");
            return 2;
        }

        return await WithAccountAsync(configuration, console, "erase", id, async (services, accountId) =>
            await services.GetRequiredService<PersonalDataEraser>().EraseAsync(accountId, CancellationToken.None) ? new { erased = accountId } : null);
    }

    public static Task<int> ExportAsync(IConfiguration configuration, string id, CliConsole console) =>
        WithAccountAsync(configuration, console, "export", id, async (services, accountId) =>
            await services.GetRequiredService<PersonalDataExport>().ExportAsync(accountId, CancellationToken.None));

    /// <summary>Parses the id, runs <paramref name="command"/>, prints its result as JSON; exit 1 with a message when there is no such account.</summary>
    private static async Task<int> WithAccountAsync(IConfiguration configuration, CliConsole console, string action, string id,
        Func<IServiceProvider, Guid, Task<object?>> command)
    {
        if (!Guid.TryParse(id, out var accountId))
        {
            await console.Error.WriteLineAsync($"accounts {action}: not an account id: {id}");
            return 1;
        }

        return await CliServices.RunAsync(configuration, console, "accounts", async services =>
        {
            if (await command(services, accountId) is not { } result)
            {
                await console.Error.WriteLineAsync($"accounts {action}: no account has the id {accountId}.");
                return 1;
            }

            await console.Output.WriteLineAsync(JsonSerializer.Serialize(result, result.GetType(), Json));
            return 0;
        });
    }
}
