namespace HelpdeskIdentity.TestSupport;

/// <summary>Addresses no other test uses, so tests sharing a database never meet.</summary>
public static class Senders
{
    public static string UniqueDomain(string name = "example") => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + ".nl";

    public static string UniqueTicketId() => "T-" + Guid.NewGuid().ToString("N");
}
