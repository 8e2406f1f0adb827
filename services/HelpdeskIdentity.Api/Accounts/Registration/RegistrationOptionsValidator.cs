using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>Fails start-up on a bad <c>Registration</c> setting, naming its key.</summary>
public sealed class RegistrationOptionsValidator : IValidateOptions<RegistrationOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistrationOptions options)
    {
        var problems = new List<string>();
        if (options.ParsedMode is null)
        {
            problems.Add($"{RegistrationOptions.Section}:Mode must be closed, known-domains or open (not '{options.Mode}').");
        }

        foreach (var (key, list) in new[] { ("AllowOrganizations", options.AllowOrganizations), ("DenyOrganizations", options.DenyOrganizations) })
        {
            problems.AddRange(list.Where(entry => MailboxParser.Parse("x@" + entry.Trim()).Mailbox is null)
                .Select(entry => $"{RegistrationOptions.Section}:{key} entry '{entry}' is not a domain name."));
        }

        if (options.LinkLifetime < TimeSpan.FromMinutes(5) || options.LinkLifetime > TimeSpan.FromDays(7))
        {
            problems.Add($"{RegistrationOptions.Section}:LinkLifetime must be between 5 minutes and 7 days.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{RegistrationOptions.Section}:PollInterval must be between 100 milliseconds and 1 hour.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
