namespace HelpdeskIdentity.Contracts;

/// <summary>The names on the broker that publishers and subscribers outside .NET rely on.</summary>
public static class WireNames
{
    public const string TicketReceivedExchange = "helpdesk.ticket-received";
    public const string RequesterAccountCreatedExchange = "helpdesk-identity.requester-account-created";
    public const string RequesterAccountErasedExchange = "helpdesk-identity.requester-account-erased";
    public const string SecurityEventRecordedExchange = "helpdesk-identity.security-event-recorded";
    public const string TicketReceivedQueue = "helpdesk-identity.ticket-received";
}
