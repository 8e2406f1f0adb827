using HelpdeskIdentity.Oidc.Keys;

namespace HelpdeskIdentity.Api.Cli;

/// <summary><c>keys list</c> and <c>keys rotate [--now]</c>: the signing keys every instance shares (decision 0048).</summary>
internal static class KeyCommands
{
    /// <summary>Prints every stored key, oldest first: its kid, where it stands, when it signs and until when JWKS lists it.</summary>
    public static Task<int> ListAsync(IConfiguration configuration, CliConsole console) =>
        CliServices.RunAsync(configuration, console, "keys list", async services =>
        {
            var keys = await services.GetRequiredService<SigningKeys>().ListAsync(CancellationToken.None);
            if (keys.Count == 0)
            {
                await console.Output.WriteLineAsync("No signing keys. The service makes the first one when it first signs or publishes.");
            }

            foreach (var (key, state, publishedUntil) in keys)
            {
                await console.Output.WriteLineAsync(
                    $"{key.KeyId}\t{state.ToString().ToLowerInvariant()}\tsigns from {key.ActivatesAt:u}\tpublished until {(publishedUntil == DateTimeOffset.MaxValue ? "its successor signs" : publishedUntil.ToString("u"))}");
            }

            return 0;
        });

    /// <summary>
    /// Routine: announces a successor that signs after <c>Oidc:SigningKeys:AnnounceBefore</c>. With <c>--now</c>: a key
    /// that signs at once (each instance within <c>Oidc:SigningKeys:RefreshInterval</c>); the replaced key stays in JWKS
    /// for the longest token lifetime. Prints the new key's kid on standard output.
    /// </summary>
    public static Task<int> RotateAsync(IConfiguration configuration, bool immediately, CliConsole console) =>
        CliServices.RunAsync(configuration, console, "keys rotate", async services =>
        {
            if (await services.GetRequiredService<SigningKeys>().RotateAsync(immediately, CancellationToken.None) is not { } added)
            {
                await console.Error.WriteLineAsync("keys rotate: a successor is already announced (keys list); use --now to replace the signing key at once.");
                return 1;
            }

            await console.Output.WriteLineAsync(added.KeyId);
            await console.Error.WriteLineAsync(immediately
                ? $"keys rotate: {added.KeyId} signs from now on, on each instance within Oidc:SigningKeys:RefreshInterval; the key it replaces stays in JWKS for the longest token lifetime."
                : $"keys rotate: {added.KeyId} is in JWKS now and signs from {added.ActivatesAt:u}.");
            return 0;
        });
}
