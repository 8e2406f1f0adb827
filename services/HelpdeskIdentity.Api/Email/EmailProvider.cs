namespace HelpdeskIdentity.Api.Email;

/// <summary>Where <see cref="EmailDispatcher"/> hands e-mails: <c>Email:Provider</c>.</summary>
public enum EmailProvider
{
    Pickup,
    SendGrid,
    Smtp,
}
