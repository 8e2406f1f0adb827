namespace HelpdeskIdentity.Api.Tickets;

/// <summary>A ticket id already counted: the database's memory that makes redelivery harmless.</summary>
public class IngestedTicket
{
    public required string TicketId { get; set; }

    /// <summary>Commit-side clock reading (<c>clock_timestamp()</c>); the benchmark reads latency from it.</summary>
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>The account the ticket was counted for: GDPR erase removes the person's ticket ids by it.</summary>
    public Guid? AccountId { get; set; }
}
