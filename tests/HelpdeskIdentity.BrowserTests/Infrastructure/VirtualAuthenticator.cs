using System.Text.Json;
using Microsoft.Playwright;

namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>
/// Chromium's virtual WebAuthn authenticator for a page, through the DevTools protocol (<c>WebAuthn.enable</c>,
/// <c>WebAuthn.addVirtualAuthenticator</c>): a platform authenticator with resident keys that verifies the user and
/// answers at once, as a phone's or laptop's passkey store would. Its credentials (private keys included) can be
/// exported and added to another browser's authenticator, the way a synced passkey turns up on another device.
/// </summary>
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession _session;
    private readonly string _id;

    private VirtualAuthenticator(ICDPSession session, string id)
    {
        _session = session;
        _id = id;
    }

    public static async Task<VirtualAuthenticator> AttachAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["ctap2Version"] = "ctap2_1",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>Every credential the authenticator holds (<c>WebAuthn.getCredentials</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
    {
        var result = await _session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = _id });
        return [.. result!.Value.GetProperty("credentials").EnumerateArray().Select(c => c.Clone())];
    }

    /// <summary>Adds a credential exported from another authenticator (<c>WebAuthn.addCredential</c>).</summary>
    public Task AddCredentialAsync(JsonElement credential) =>
        _session.SendAsync("WebAuthn.addCredential", new Dictionary<string, object> { ["authenticatorId"] = _id, ["credential"] = credential });
}
