namespace TicketIntakeBenchmark;

/// <summary>The plain-JSON TicketReceived body (docs/events.md), serialised with web (camelCase) names.</summary>
internal sealed record TicketMessage(string TicketId, string From, string Subject, DateTime ReceivedAt, string Channel);
