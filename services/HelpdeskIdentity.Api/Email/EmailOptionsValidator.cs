using MimeKit;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>Stops start-up on a bad <c>Email</c> section, with messages that name the setting.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out var from) || string.IsNullOrEmpty(from.Domain) || string.IsNullOrEmpty(from.LocalPart))
        {
            errors.Add("Email:From is required and must be an e-mail address, e.g. no-reply@example.com or \"Helpdesk <no-reply@example.com>\".");
        }

        if (options.PublicOrigin is not { IsAbsoluteUri: true, Scheme: "https" or "http" } origin || origin.Query.Length > 0 || origin.Fragment.Length > 0)
        {
            errors.Add("Email:PublicOrigin (default Oidc:Issuer) must be an absolute http(s) URL without query, such as https://id.example.com.");
        }

        Check(errors, options.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), "Email:PollInterval");
        Check(errors, options.MaxBackoff, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1), "Email:MaxBackoff");
        Check(errors, options.GiveUpAfter, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30), "Email:GiveUpAfter");
        Check(errors, options.Retention, TimeSpan.FromDays(1), TimeSpan.FromDays(3650), "Email:Retention");
        Check(errors, options.SendTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "Email:SendTimeout");
        if (options.BatchSize is < 1 or > 1_000)
        {
            errors.Add("Email:BatchSize must be between 1 and 1000.");
        }

        switch (options.Provider)
        {
            case EmailProvider.Pickup when string.IsNullOrWhiteSpace(options.PickupDirectory):
                errors.Add("Email:PickupDirectory is required when Email:Provider is Pickup.");
                break;
            case EmailProvider.SendGrid when string.IsNullOrWhiteSpace(options.SendGrid.ApiKey):
                errors.Add("Email:SendGrid:ApiKey is required when Email:Provider is SendGrid.");
                break;
            case EmailProvider.SendGrid when !options.SendGrid.BaseUrl.IsAbsoluteUri:
                errors.Add("Email:SendGrid:BaseUrl must be an absolute URL.");
                break;
            case EmailProvider.Smtp when string.IsNullOrWhiteSpace(options.Smtp.Host):
                errors.Add("Email:Smtp:Host is required when Email:Provider is Smtp.");
                break;
            case EmailProvider.Smtp when options.Smtp.Port is < 1 or > 65_535:
                errors.Add("Email:Smtp:Port must be between 1 and 65535.");
                break;
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, TimeSpan value, TimeSpan min, TimeSpan max, string key)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max}.");
        }
    }
}
