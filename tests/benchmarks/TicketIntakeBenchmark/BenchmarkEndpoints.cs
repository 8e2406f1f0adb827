using HelpdeskIdentity.Benchmarks;

namespace TicketIntakeBenchmark;

/// <summary>Where the running service's broker and database are, from the endpoints file run.sh writes.</summary>
internal sealed record BenchmarkEndpoints(Uri AmqpUrl, string PgConnection, string TicketExchange)
{
    /// <exception cref="BenchmarkException">The file is missing or lacks a value.</exception>
    public static BenchmarkEndpoints Load(string? path)
    {
        var file = EndpointsFile.Load(path);
        var amqp = file.Required("AMQP_URL");
        return Uri.TryCreate(amqp, UriKind.Absolute, out var amqpUrl)
            ? new BenchmarkEndpoints(amqpUrl, file.Required("PG_CONNECTION"), file.Required("TICKET_EXCHANGE"))
            : throw new BenchmarkException($"{file.Path}: AMQP_URL '{amqp}' is not a URL.");
    }
}
