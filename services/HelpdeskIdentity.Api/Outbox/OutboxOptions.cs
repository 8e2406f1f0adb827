using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often to look for rows other instances wrote or whose retry is due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Outbox:PollInterval must be between 10 ms and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1_000, ErrorMessage = "Outbox:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>Upper bound of the exponential back-off between attempts at one message.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Outbox:MaxBackoff must be between 1 second and 1 day.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one publish may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Outbox:PublishTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long published rows stay in the table for inspection before they are deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Outbox:RetainPublishedFor must be between 1 minute and 365 days.")]
    public TimeSpan RetainPublishedFor { get; set; } = TimeSpan.FromDays(7);
}
