using MassTransit;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// How a failed ticket message is logged, instead of MassTransit's own "R-FAULT" error with a stack trace (its
/// <c>MassTransit.ReceiveTransport</c> category is silenced in <c>AddMessaging</c>). A ticket the service refuses
/// — unreadable JSON, or refused by <see cref="TicketReader"/> or <see cref="TicketSizeLimit"/> (which log those themselves)
/// — is bad input, not an operator's problem: one warning line with the reason. Anything else is an error with its exception.
/// </summary>
public sealed partial class TicketFaultLog(ILogger<TicketFaultLog> logger) : IReceiveObserver
{
    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        if (Refused(exception) is { } reason)
        {
            if (reason != "refused-by-reader")
            {
                LogUnreadable(context.InputAddress, reason);
            }
        }
        else
        {
            LogFailed(exception, context.InputAddress);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        if (Refused(exception) is null)
        {
            LogFailed(exception, context.ReceiveContext.InputAddress);
        }

        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    /// <summary>Why the message is refused as bad input, or null when the failure is the service's.</summary>
    private static string? Refused(Exception exception)
    {
        string? unreadable = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case InvalidTicketException:
                    return "refused-by-reader";
                case System.Text.Json.JsonException:
                    return "unreadable-json";
                // A body of JSON null: MassTransit's JSON deserializer is left with an empty element, which refuses to be
                // read this way. Told by where it was thrown (the JIT may inline System.Text.Json's frames into MassTransit's).
                case InvalidOperationException when e.StackTrace?.Contains(" MassTransit.Serialization.SystemTextJson", StringComparison.Ordinal) == true:
                    return "unreadable-json";
                // An envelope MassTransit could not read (its message null, say), whatever it found inside: the more
                // precise reason above when there is one.
                case System.Runtime.Serialization.SerializationException:
                    unreadable ??= "unreadable-message";
                    break;
                // An envelope whose messageId is not a GUID: MassTransit refuses it when it reads the id.
                case FormatException when e.StackTrace?.Contains(" MassTransit.Serialization.", StringComparison.Ordinal) == true:
                    return "unreadable-envelope";
            }
        }

        return unreadable;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on {InputAddress} was moved to the error queue: {RejectReason}")]
    private partial void LogUnreadable(Uri? inputAddress, string rejectReason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message on {InputAddress} failed and was moved to the error queue")]
    private partial void LogFailed(Exception exception, Uri? inputAddress);
}
