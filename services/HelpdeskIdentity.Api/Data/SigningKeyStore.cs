using HelpdeskIdentity.Oidc.Keys;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskIdentity.Api.Data;

/// <summary>Signing keys in <c>signing_keys</c>; a new key is decided and added under an advisory lock.</summary>
internal sealed class SigningKeyStore(IServiceScopeFactory scopes) : ISigningKeyStore
{
    private const long LockKey = 0x4844_4944_4B45_5953; // "HDIDKEYS"

    public async Task<IReadOnlyList<StoredSigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>(), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredSigningKey>> AddIfNeededAsync(
        Func<IReadOnlyList<StoredSigningKey>, StoredSigningKey?> nextKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var keys = await LoadAsync(db, cancellationToken);
        if (nextKey(keys) is { } key)
        {
            db.SigningKeys.Add(new SigningKeyRecord
            {
                KeyId = key.KeyId,
                Algorithm = key.Algorithm,
                ProtectedPrivateKey = key.ProtectedPrivateKey,
                PublicJwk = key.PublicJwk,
                CreatedAt = key.CreatedAt,
                ActivatesAt = key.ActivatesAt,
                RetiresAt = key.RetiresAt,
            });
            await db.SaveChangesAsync(cancellationToken);
            keys = [.. keys, key];
        }

        await transaction.CommitAsync(cancellationToken);
        return keys;
    }

    private static async Task<IReadOnlyList<StoredSigningKey>> LoadAsync(HelpdeskDbContext db, CancellationToken cancellationToken) =>
        await db.SigningKeys.AsNoTracking()
            .Select(k => new StoredSigningKey(k.KeyId, k.Algorithm, k.ProtectedPrivateKey, k.PublicJwk, k.CreatedAt, k.ActivatesAt, k.RetiresAt))
            .ToListAsync(cancellationToken);
}
