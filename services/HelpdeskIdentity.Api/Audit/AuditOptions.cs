namespace HelpdeskIdentity.Api.Audit;

/// <summary>Configuration section <c>Audit</c>: how long events are kept and how much of an IP address is.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Events older than this are deleted by the hourly <see cref="AuditPruner"/>.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Leading bits of an IPv4 address kept (the rest zeroed): 24 keeps the network, not the host; 32 keeps all, 0 none.</summary>
    public int IPv4PrefixLength { get; set; } = 24;

    /// <summary>Leading bits of an IPv6 address kept: 48 keeps the site prefix.</summary>
    public int IPv6PrefixLength { get; set; } = 48;
}
