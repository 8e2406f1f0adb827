using HelpdeskIdentity.Api.Accounts.Passwords;

namespace HelpdeskIdentity.UnitTests.Accounts.Passwords;

/// <summary>An account's passwords, newest last, in memory instead of hashed in the database.</summary>
internal sealed class FakePasswordHistory : IPasswordHistory
{
    private readonly Dictionary<Guid, List<string>> _passwords = [];

    public void Add(Guid accountId, params string[] passwords)
    {
        if (!_passwords.TryGetValue(accountId, out var list))
        {
            _passwords[accountId] = list = [];
        }

        list.AddRange(passwords);
    }

    public Task<bool> WasRecentlyUsedAsync(Guid accountId, string password, int count, CancellationToken cancellationToken) =>
        Task.FromResult(_passwords.TryGetValue(accountId, out var list)
            && list.TakeLast(count).Contains(password, StringComparer.Ordinal));
}
