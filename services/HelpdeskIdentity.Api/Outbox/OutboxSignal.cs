using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Outbox;

/// <summary>Wakes the outbox publisher as soon as a transaction with outbox rows commits in this instance.</summary>
public sealed class OutboxSignal : WakeSignal;
