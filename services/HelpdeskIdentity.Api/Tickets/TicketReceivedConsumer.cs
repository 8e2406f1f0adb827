using System.Diagnostics;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Telemetry;
using HelpdeskIdentity.Contracts;
using MassTransit;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>Thin: read the ticket, hand it to <see cref="TicketIntake"/>. Policy lives in the definition.</summary>
public sealed partial class TicketReceivedConsumer(TicketIntake intake, TimeProvider clock, ILogger<TicketReceivedConsumer> logger)
    : IConsumer<TicketReceived>
{
    public async Task Consume(ConsumeContext<TicketReceived> context)
    {
        using var activity = HelpdeskTelemetry.Source.StartActivity("ticket.intake");
        RequesterTicket ticket;
        try
        {
            ticket = TicketReader.Read(context.Message, clock.GetUtcNow());
        }
        catch (InvalidTicketException ex)
        {
            HelpdeskTelemetry.TicketsRejected.Add(1, new KeyValuePair<string, object?>("reason", ex.Reason));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Reason);
            // The id may be what was refused (control characters, 10,000 characters): logged bounded and escaped.
            LogRejected(UntrustedText.ForLog(context.Message.TicketId), ex.Reason);
            throw;
        }

        activity?.SetTag("helpdesk.ticket.id", ticket.TicketId);
        HelpdeskTelemetry.TicketLag.Record((clock.GetUtcNow() - ticket.ReceivedAt).TotalSeconds);
        var result = await intake.RecordAsync(ticket);
        activity?.SetTag("helpdesk.ticket.result", result.ToString());
        HelpdeskTelemetry.TicketsProcessed.Add(1, new KeyValuePair<string, object?>("result", result.ToString()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId} rejected to the error queue: {RejectReason}")]
    private partial void LogRejected(string ticketId, string rejectReason);
}
