using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Organizations;

/// <summary>
/// The one lock that serialises giving a domain its organisation (intake's first sighting of a domain, an operator
/// adding a domain): a transaction-scoped PostgreSQL advisory lock on the domain, so two instances never create two
/// organisations for one domain. Every writer must take exactly this lock.
/// </summary>
public static class OrganizationDomainLock
{
    public const string Statement = "SELECT pg_advisory_xact_lock(hashtextextended('organization-domain:' || @domain, 0))";

    /// <summary>Waits for the domain's lock, held until the caller's transaction ends.</summary>
    public static Task TakeAsync(NpgsqlConnection connection, string domain, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, Statement, cancellationToken, ("domain", domain));
}
