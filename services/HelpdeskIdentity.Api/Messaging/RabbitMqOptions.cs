namespace HelpdeskIdentity.Api.Messaging;

/// <summary>Configuration section <c>RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary><c>amqp://user:password@host:port/vhost</c>.</summary>
    public string Url { get; set; } = "";

    public int PrefetchCount { get; set; } = 2000;

    public int ConcurrentMessageLimit { get; set; } = 1000;

    /// <summary>
    /// <c>classic</c> (the default) or <c>quorum</c>: the ticket queue and the error and skipped queues as
    /// replicated quorum queues, for a RabbitMQ cluster (docs/decisions/0030-scaled-out.md). An existing
    /// queue keeps its type: switching needs the queues drained and deleted first (docs/operations.md).
    /// </summary>
    public string QueueType { get; set; } = "classic";

    public bool Quorum => QueueType == "quorum";
}
