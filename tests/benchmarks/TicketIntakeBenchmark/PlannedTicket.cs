namespace TicketIntakeBenchmark;

/// <summary>One ticket to publish: its id and its From header.</summary>
internal sealed record PlannedTicket(string TicketId, string From);
