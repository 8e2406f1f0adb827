using System.Globalization;

namespace TicketIntakeBenchmark;

/// <summary>
/// The tickets of one phase under a fresh run id: <c>Count / 2</c> senders, each sending twice. The
/// second ticket of sender <c>j</c> follows the first ticket of sender <c>j + gap</c>, so a repeat
/// comes <c>gap</c> tickets after its first (1,000, fewer in small runs) rather than right behind it.
/// Ticket <c>n</c> in sending order has the id <c>bench-&lt;run id&gt;-n</c>.
/// </summary>
internal sealed class TicketPlan
{
    private const int MaxRepeatGap = 1_000;

    private TicketPlan(string runId, IReadOnlyList<PlannedTicket> tickets)
    {
        RunId = runId;
        Tickets = tickets;
    }

    /// <summary>Hexadecimal, so it needs no escaping in LIKE patterns, domains or ids.</summary>
    public string RunId { get; }

    public IReadOnlyList<PlannedTicket> Tickets { get; }

    public int Count => Tickets.Count;

    public int Senders => Count / 2;

    public string TicketIdPrefix => $"bench-{RunId}-";

    public string SenderDomain => $"bench-{RunId}.example";

    /// <param name="count">An even number of tickets.</param>
    public static TicketPlan Create(int count)
    {
        var runId = $"{DateTime.UtcNow:yyMMddHHmmss}{Random.Shared.Next(0x10000):x4}";
        var senders = count / 2;
        var gap = Math.Clamp(senders / 2, 1, MaxRepeatGap);
        var tickets = new List<PlannedTicket>(count);
        for (var k = 0; tickets.Count < count; k++)
        {
            if (k < senders)
            {
                tickets.Add(Ticket(runId, tickets.Count, k));
            }

            if (k >= gap)
            {
                tickets.Add(Ticket(runId, tickets.Count, k - gap));
            }
        }

        return new TicketPlan(runId, tickets);
    }

    /// <summary>The position of a ticket of this run in sending order, from its id.</summary>
    public int IndexOf(string ticketId) =>
        ticketId.StartsWith(TicketIdPrefix, StringComparison.Ordinal)
        && int.TryParse(ticketId.AsSpan(TicketIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < Count
            ? index
            : throw new BenchmarkException($"Ticket id '{ticketId}' is not one of run {RunId}.");

    private static PlannedTicket Ticket(string runId, int index, int sender) =>
        new($"bench-{runId}-{index}", $"\"Bench Sender {sender}\" <sender-{sender}@bench-{runId}.example>");
}
