using System.Diagnostics;
using System.Text.Json;
using HelpdeskIdentity.Api.Data;
using Npgsql;
using NpgsqlTypes;

namespace HelpdeskIdentity.Api.Outbox;

/// <summary>The one INSERT that puts a bus message in the outbox, in the caller's transaction (decision 0004).</summary>
internal static class OutboxRows
{
    public const string Insert = """
        INSERT INTO outbox_messages (id, message_type, payload, created_at, next_attempt_at, attempts, trace_parent)
        VALUES (@id, @message_type, @payload, @now, @now, 0, @trace_parent)
        """;

    /// <summary>The parameters of <see cref="Insert"/> for <paramref name="message"/>, written at <paramref name="now"/>.</summary>
    public static (string Name, object? Value)[] Parameters<T>(T message, DateTimeOffset now) where T : class =>
    [
        ("id", Guid.CreateVersion7(now)),
        ("message_type", OutboxMessageTypes.NameOf<T>()),
        ("payload", new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(message, OutboxMessageTypes.Json) }),
        ("now", now),
        ("trace_parent", Activity.Current?.Id),
    ];

    public static Task<int> EnqueueAsync<T>(NpgsqlConnection connection, T message, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class =>
        Sql.ExecuteAsync(connection, Insert, cancellationToken, Parameters(message, now));

    /// <summary>Many messages of one type in one statement (the same columns as <see cref="Insert"/>).</summary>
    public const string InsertMany = """
        INSERT INTO outbox_messages (id, message_type, payload, created_at, next_attempt_at, attempts, trace_parent)
        SELECT m.id, @message_type, m.payload, @now, @now, 0, @trace_parent FROM unnest(@ids, @payloads) AS m(id, payload)
        """;

    /// <summary>The parameters of <see cref="InsertMany"/> for <paramref name="messages"/>, written at <paramref name="now"/>.</summary>
    public static (string Name, object? Value)[] ManyParameters<T>(IReadOnlyList<T> messages, DateTimeOffset now) where T : class =>
    [
        ("ids", messages.Select(_ => Guid.CreateVersion7(now)).ToArray()),
        ("message_type", OutboxMessageTypes.NameOf<T>()),
        ("payloads", new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Jsonb | NpgsqlDbType.Array,
            Value = messages.Select(m => JsonSerializer.Serialize(m, OutboxMessageTypes.Json)).ToArray(),
        }),
        ("now", now),
        ("trace_parent", Activity.Current?.Id),
    ];

    public static Task<int> EnqueueManyAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> messages, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class =>
        Sql.ExecuteAsync(connection, InsertMany, cancellationToken, ManyParameters(messages, now));
}
