namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// A row of <c>registration_requests</c>: what someone typed on the register page, waiting for the background
/// worker. The page only inserts it, so the answer takes as long whatever the address (docs/decisions/0017).
/// </summary>
public class RegistrationRequestRecord
{
    public Guid Id { get; set; }

    /// <summary>The address as people read it: lower-case local part, Unicode domain.</summary>
    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The page language the request was made in: the e-mail is written in it.</summary>
    public string? Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How many times the worker failed to handle it (given up after <c>Accounts:RequestAttempts</c>).</summary>
    public int Attempts { get; set; }
}
