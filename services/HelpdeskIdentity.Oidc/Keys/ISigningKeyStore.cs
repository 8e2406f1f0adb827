namespace HelpdeskIdentity.Oidc.Keys;

/// <summary>Where signing keys live (the host keeps them in PostgreSQL, shared by every instance).</summary>
public interface ISigningKeyStore
{
    Task<IReadOnlyList<StoredSigningKey>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Atomically across instances: loads the keys, asks <paramref name="nextKey"/> whether one is
    /// missing, stores it if so, and returns the keys as they now are.
    /// </summary>
    Task<IReadOnlyList<StoredSigningKey>> AddIfNeededAsync(
        Func<IReadOnlyList<StoredSigningKey>, StoredSigningKey?> nextKey, CancellationToken cancellationToken);

}
