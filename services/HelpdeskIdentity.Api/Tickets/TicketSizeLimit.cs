using HelpdeskIdentity.Api.Telemetry;
using MassTransit;
using MassTransit.Middleware;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// Refuses a ticket message larger than <see cref="MaxMessageBytes"/> before anything parses it: a real ticket is a
/// few hundred bytes (an id of at most 200 characters, one From header of at most 998, a subject), and each message
/// parsed costs several times its size in memory, with up to <c>RabbitMq:ConcurrentMessageLimit</c> at once — a
/// hundred 10 MB messages took the service to 1.9 GB, past its memory limit, and back in the queue after the restart.
/// The message goes to the error queue at once (reason <c>too-large</c>), like every ticket that can never be processed.
/// </summary>
public sealed partial class TicketSizeLimit(ILogger<TicketSizeLimit> logger) : IFilter<ReceiveContext>
{
    /// <summary>The largest ticket message, envelope and all (the account pages' posts have the same bound).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    public const string Reason = "too-large";

    /// <summary>
    /// Puts the limit first in the endpoint's receive pipe. Filters configured there run before MassTransit's own
    /// rescue, which would otherwise send the refusal back to the queue for ever: the limit brings its own, to the
    /// error queue, as MassTransit's does (a fault, then the error transport).
    /// </summary>
    public static void Apply(IReceiveEndpointConfigurator endpoint, ILogger<TicketSizeLimit> logger) =>
        endpoint.ConfigureReceive(receive =>
        {
            receive.UseRescue(
                Pipe.New<ExceptionReceiveContext>(error =>
                {
                    error.UseFilter(new GenerateFaultFilter());
                    error.UseFilter(new ErrorTransportFilter());
                }),
                rescue => rescue.Handle<InvalidTicketException>());
            receive.UseFilter(new TicketSizeLimit(logger));
        });

    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        if (context.Body.Length is not { } length || length <= MaxMessageBytes)
        {
            return next.Send(context);
        }

        HelpdeskTelemetry.TicketsRejected.Add(1, new KeyValuePair<string, object?>("reason", Reason));
        LogTooLarge(length, MaxMessageBytes);
        throw new InvalidTicketException(Reason, $"The message is {length} bytes; a ticket message is at most {MaxMessageBytes}.");
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("ticketSizeLimit");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A ticket message of {Bytes} bytes (at most {MaxBytes}) was rejected to the error queue: too-large")]
    private partial void LogTooLarge(long bytes, int maxBytes);
}
