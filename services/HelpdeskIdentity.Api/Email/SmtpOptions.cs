namespace HelpdeskIdentity.Api.Email;

/// <summary>Configuration section <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS before authenticating; off only for a relay on the same machine.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }

    /// <summary>A secret: environment or secret store only, never logged.</summary>
    public string? Password { get; set; }
}
