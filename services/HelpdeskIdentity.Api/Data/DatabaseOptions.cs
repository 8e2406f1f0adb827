namespace HelpdeskIdentity.Api.Data;

/// <summary>Configuration: <c>ConnectionStrings:Identity</c> and section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Bound from <c>ConnectionStrings:Identity</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending schema scripts when the service starts (safe with several instances).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
