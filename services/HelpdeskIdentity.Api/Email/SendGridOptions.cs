namespace HelpdeskIdentity.Api.Email;

/// <summary>Configuration section <c>Email:SendGrid</c>.</summary>
public sealed class SendGridOptions
{
    /// <summary>The Web API v3 key; a secret: environment or secret store only, never logged.</summary>
    public string ApiKey { get; set; } = "";

    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");
}
