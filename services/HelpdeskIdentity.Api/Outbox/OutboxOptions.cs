namespace HelpdeskIdentity.Api.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often to look for rows other instances wrote or whose retry is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>Upper bound of the exponential back-off between attempts at one message.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one publish may take before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long published rows stay in the table for inspection before they are deleted.</summary>
    public TimeSpan RetainPublishedFor { get; set; } = TimeSpan.FromDays(7);
}
