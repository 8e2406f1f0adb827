using System.Text.Json;
using HelpdeskIdentity.Api.Telemetry;
using MassTransit;
using MassTransit.Middleware;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// A message on the ticket queue that no consumer here takes (an envelope naming another message type) goes to
/// MassTransit's <c>_skipped</c> queue, as before — and is now one warning line naming the types it claimed, so an
/// operator learns that a publisher sends something this service never reads instead of finding a growing queue.
/// </summary>
public sealed partial class SkippedTicketLog(ILogger<SkippedTicketLog> logger) : IFilter<ReceiveContext>
{
    /// <summary>Logs, then moves the message to the skipped queue as MassTransit's own dead-letter pipe does.</summary>
    public static void Apply(IReceiveEndpointConfigurator endpoint, ILogger<SkippedTicketLog> logger) =>
        endpoint.ConfigureDeadLetter(skipped =>
        {
            skipped.UseFilter(new SkippedTicketLog(logger));
            skipped.UseFilter(new DeadLetterTransportFilter());
        });

    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        LogSkipped(UntrustedText.ForLog(MessageTypes(context) is { Length: > 0 } types ? types : "none named"));
        return next.Send(context);
    }

    /// <summary>The envelope's <c>messageType</c> values (a skipped message is rare and at most 64 KiB: read again here).</summary>
    private static string MessageTypes(ReceiveContext context)
    {
        try
        {
            using var envelope = JsonDocument.Parse(context.Body.GetBytes());
            return envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array
                ? string.Join(", ", types.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()))
                : "";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return "";
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("skippedTicketLog");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on the ticket queue that no consumer here takes (message types: {MessageTypes}) was moved to the skipped queue")]
    private partial void LogSkipped(string messageTypes);
}
