namespace OidcBenchmark;

/// <summary>The user type for <c>PasswordHasher&lt;T&gt;</c>: the default hasher never looks at the user.</summary>
internal sealed class HashUser;
