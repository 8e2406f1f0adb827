using System.Text.Json;
using HelpdeskIdentity.Contracts;

namespace HelpdeskIdentity.Api.Outbox;

/// <summary>The messages the outbox may carry, by the name stored in <see cref="OutboxMessage.MessageType"/>.</summary>
public static class OutboxMessageTypes
{
    private static readonly Dictionary<string, Type> ByName = new()
    {
        [nameof(RequesterAccountCreated)] = typeof(RequesterAccountCreated),
        [nameof(RequesterAccountErased)] = typeof(RequesterAccountErased),
        [nameof(SecurityEventRecorded)] = typeof(SecurityEventRecorded),
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf<T>() where T : class
    {
        var name = typeof(T).Name;
        return ByName.ContainsKey(name) ? name : throw new InvalidOperationException($"{name} is not registered as an outbox message type.");
    }

    public static object Deserialize(OutboxMessage message) =>
        ByName.TryGetValue(message.MessageType, out var type)
            ? JsonSerializer.Deserialize(message.Payload, type, Json) ?? throw new InvalidOperationException($"Outbox message {message.Id} is empty.")
            : throw new InvalidOperationException($"Outbox message {message.Id} has unknown type '{message.MessageType}'.");
}
