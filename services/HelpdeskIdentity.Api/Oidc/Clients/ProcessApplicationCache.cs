using System.Collections.Concurrent;
using HelpdeskIdentity.Api.Oidc.Storage;
using OpenIddict.Abstractions;

namespace HelpdeskIdentity.Api.Oidc.Clients;

/// <summary>
/// OpenIddict's own application cache lives one request, so every token request read the client's row again — two
/// queries a request on the hottest endpoint. Clients are few and change only when the service starts with another
/// <c>Oidc:Clients</c> (the seeder goes through the manager, which updates this cache), so this one keeps them for the
/// process, re-reading each after a minute in case another instance changed a row. Entities are only read from it; the
/// stores link tokens and authorizations to a client by its id.
/// </summary>
internal sealed class ProcessApplicationCache(
    IOpenIddictApplicationStore<OidcApplication> store, IServiceScopeFactory scopes, ProcessApplicationCache.Entries entries, TimeProvider clock)
    : IOpenIddictApplicationCache<OidcApplication>
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public ValueTask AddAsync(OidcApplication application, CancellationToken cancellationToken)
    {
        entries.Add(application, clock.GetUtcNow() + MaxAge);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<OidcApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken) =>
        !Searchable(identifier, MaxIdentifierLength) ? null
            : entries.ByClientId(identifier, clock.GetUtcNow()) ?? Add(await LoadAsync((found, ct) => found.FindByClientIdAsync(identifier, ct), cancellationToken));

    public async ValueTask<OidcApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        !Searchable(identifier, MaxIdentifierLength) ? null
            : entries.ById(identifier, clock.GetUtcNow()) ?? Add(await LoadAsync((found, ct) => found.FindByIdAsync(identifier, ct), cancellationToken));

    private const int MaxIdentifierLength = 200;

    private const int MaxUriLength = 2048;

    /// <summary>
    /// Whether a value from the request (a client id from the query or the Basic header, a redirect URI) can name a
    /// client at all: no registered one holds a NUL, which PostgreSQL refuses in text, or is this long. Others find no
    /// client, so OpenIddict answers <c>invalid_client</c> or <c>invalid_request</c> instead of the database failing.
    /// </summary>
    private static bool Searchable(string value, int maxLength) => value.Length <= maxLength && !value.Contains('\0');

    /// <summary>Reads in a scope of its own, so the shared entity is tracked by no request's context (nothing fixes up its navigations).</summary>
    private async Task<OidcApplication?> LoadAsync(Func<IOpenIddictApplicationStore<OidcApplication>, CancellationToken, ValueTask<OidcApplication?>> find, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await find(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationStore<OidcApplication>>(), cancellationToken);
    }

    public IAsyncEnumerable<OidcApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        Searchable(uri, MaxUriLength) ? store.FindByPostLogoutRedirectUriAsync(uri, cancellationToken) : AsyncEnumerable.Empty<OidcApplication>();

    public IAsyncEnumerable<OidcApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        Searchable(uri, MaxUriLength) ? store.FindByRedirectUriAsync(uri, cancellationToken) : AsyncEnumerable.Empty<OidcApplication>();

    public ValueTask RemoveAsync(OidcApplication application, CancellationToken cancellationToken)
    {
        entries.Remove(application);
        return ValueTask.CompletedTask;
    }

    private OidcApplication? Add(OidcApplication? application)
    {
        if (application is not null)
        {
            entries.Add(application, clock.GetUtcNow() + MaxAge);
        }

        return application;
    }

    /// <summary>The process-wide entries (a singleton; the cache itself is scoped, like the store it reads).</summary>
    internal sealed class Entries
    {
        private readonly ConcurrentDictionary<string, (OidcApplication Application, DateTimeOffset Until)> _byClientId = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (OidcApplication Application, DateTimeOffset Until)> _byId = new(StringComparer.Ordinal);

        public OidcApplication? ByClientId(string clientId, DateTimeOffset now) =>
            _byClientId.TryGetValue(clientId, out var entry) && now < entry.Until ? entry.Application : null;

        public OidcApplication? ById(string id, DateTimeOffset now) =>
            _byId.TryGetValue(id, out var entry) && now < entry.Until ? entry.Application : null;

        public void Add(OidcApplication application, DateTimeOffset until)
        {
            if (application.ClientId is { } clientId)
            {
                _byClientId[clientId] = (application, until);
            }

            if (application.Id is { } id)
            {
                _byId[id] = (application, until);
            }
        }

        public void Remove(OidcApplication application)
        {
            if (application.ClientId is { } clientId)
            {
                _byClientId.TryRemove(clientId, out _);
            }

            if (application.Id is { } id)
            {
                _byId.TryRemove(id, out _);
            }
        }
    }
}
