using Npgsql;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Work that must commit with a new account or not at all (the invitation): runs on intake's connection, in its
/// transaction, only when this very transaction inserted the account — so never for a known sender, a redelivered
/// ticket, or the loser of two concurrent creators.
/// </summary>
public delegate Task AccountCreatedHook(NewRequesterAccount account, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
