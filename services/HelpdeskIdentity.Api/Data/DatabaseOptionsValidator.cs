using HelpdeskIdentity.Api.Hosting;
using Npgsql;

namespace HelpdeskIdentity.Api.Data;

/// <summary>Checks the database settings: <c>ConnectionStrings:Identity</c> is a PostgreSQL connection string with a host.</summary>
internal sealed class DatabaseOptionsValidator : OptionsValidator<DatabaseOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(DatabaseOptions o)
    {
        yield return (ValidConnectionString(o.ConnectionString),
            "ConnectionStrings:Identity is missing or not a valid PostgreSQL connection string (Host=…;Port=…;Database=…;Username=…).");
    }

    private static bool ValidConnectionString(string value)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value).Host is { Length: > 0 };
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
