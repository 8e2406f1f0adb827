using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Messaging;

/// <summary>Configuration section <c>RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary><c>amqp://user:password@host:port/vhost</c>.</summary>
    [Required(ErrorMessage = "RabbitMq:Url is required, e.g. amqp://guest:guest@127.0.0.1:5672/")]
    [RegularExpression("^amqps?://.+", ErrorMessage = "RabbitMq:Url must be an amqp:// or amqps:// URL.")]
    public string Url { get; set; } = "";

    [Range(1, 10_000, ErrorMessage = "RabbitMq:PrefetchCount must be between 1 and 10000.")]
    public int PrefetchCount { get; set; } = 200;

    [Range(1, 1_000, ErrorMessage = "RabbitMq:ConcurrentMessageLimit must be between 1 and 1000.")]
    public int ConcurrentMessageLimit { get; set; } = 64;

    /// <summary>
    /// <c>classic</c> (the default) or <c>quorum</c>: the ticket queue and the error and skipped queues as
    /// replicated quorum queues, for a RabbitMQ cluster (docs/decisions/0030-scaled-out.md). An existing
    /// queue keeps its type: switching needs the queues drained and deleted first (docs/operations.md).
    /// </summary>
    [RegularExpression("^(classic|quorum)$", ErrorMessage = "RabbitMq:QueueType must be classic or quorum.")]
    public string QueueType { get; set; } = "classic";

    public bool Quorum => QueueType == "quorum";
}
