namespace HelpdeskIdentity.TestSupport;

/// <summary>A message MassTransit moved to the error queue, and the reason in its MT-Fault-Message header.</summary>
public sealed record ErrorQueueMessage(string Body, string FaultMessage);
