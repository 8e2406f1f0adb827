using HelpdeskIdentity.Contracts;
using HelpdeskIdentity.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Shouldly;

namespace HelpdeskIdentity.IntegrationTests.Tickets;

/// <summary>RabbitMq:QueueType = quorum: the ticket queue and its error queue are quorum queues, and tickets still become accounts.</summary>
public sealed class QuorumQueueTests(QuorumQueueTests.QuorumFixture fixture) : IClassFixture<QuorumQueueTests.QuorumFixture>
{
    public sealed class QuorumFixture(LocalServers servers) : IntakeFixture(servers)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RabbitMq:QueueType"] = "quorum" };
    }

    [Fact]
    public async Task TicketQueueAndErrorQueue_AreQuorumQueues_AndIntakeWorks()
    {
        var email = $"quorum@{Senders.UniqueDomain()}";
        await fixture.Bus.PublishRawTicketAsync("{\"ticketId\": \"T-broken\", \"from\": ");
        await fixture.Bus.PublishRawTicketAsync(TestBus.RawTicket(Senders.UniqueTicketId(), email));

        await Eventually.HoldsAsync(async () => await fixture.Host.CountAccountsAsync(email) == 1, "the ticket's account");
        await Eventually.HoldsAsync(async () => await ErrorQueueCountAsync() == 1, "the broken ticket in the error queue");
        (await QueueTypeAsync(WireNames.TicketReceivedQueue)).ShouldBe("quorum");
        (await QueueTypeAsync(WireNames.TicketReceivedQueue + "_error")).ShouldBe("quorum");
    }

    /// <summary>
    /// Messages in the ticket error queue, or -1 while it cannot be read: a quorum queue just declared may have no
    /// leader yet, and the broker then closes the whole connection (541 noproc), so each look has a connection of its own.
    /// </summary>
    private async Task<long> ErrorQueueCountAsync()
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.Host.Environment.AmqpUrl) }.CreateConnectionAsync(TestContext.Current.CancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
            return await channel.MessageCountAsync(WireNames.TicketReceivedQueue + "_error", TestContext.Current.CancellationToken);
        }
        catch (OperationInterruptedException)
        {
            return -1;
        }
    }

    /// <summary>
    /// The broker answers a declaration whose x-queue-type differs from the queue's with PRECONDITION_FAILED (406), naming
    /// the argument: declaring as quorum succeeds only for a quorum queue, as classic only for a classic one.
    /// </summary>
    private async Task<string> QueueTypeAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.Host.Environment.AmqpUrl) }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        foreach (var type in new[] { "quorum", "classic" })
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
            try
            {
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                    arguments: new Dictionary<string, object?> { ["x-queue-type"] = type }, cancellationToken: TestContext.Current.CancellationToken);
                return type;
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 406)
            {
                // Not this type.
            }
        }

        throw new ShouldAssertException($"{queue} is neither a classic nor a quorum queue");
    }
}
