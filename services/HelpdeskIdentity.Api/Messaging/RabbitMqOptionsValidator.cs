using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Messaging;

/// <summary>Checks <c>RabbitMq</c>: the broker's URL, prefetch, concurrency and queue type.</summary>
internal sealed partial class RabbitMqOptionsValidator : OptionsValidator<RabbitMqOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(RabbitMqOptions o)
    {
        yield return (!string.IsNullOrWhiteSpace(o.Url), "RabbitMq:Url is required, e.g. amqp://guest:guest@127.0.0.1:5672/");
        yield return (string.IsNullOrEmpty(o.Url) || AmqpUrl().IsMatch(o.Url), "RabbitMq:Url must be an amqp:// or amqps:// URL.");
        yield return (o.PrefetchCount is >= 1 and <= 10_000, "RabbitMq:PrefetchCount must be between 1 and 10000.");
        yield return (o.ConcurrentMessageLimit is >= 1 and <= 1_000, "RabbitMq:ConcurrentMessageLimit must be between 1 and 1000.");
        yield return (string.IsNullOrEmpty(o.QueueType) || o.QueueType is "classic" or "quorum", "RabbitMq:QueueType must be classic or quorum.");
    }

    [GeneratedRegex(@"^amqps?://.+\z")]
    private static partial Regex AmqpUrl();
}
