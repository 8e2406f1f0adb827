using HelpdeskIdentity.Oidc.Results;

namespace HelpdeskIdentity.Oidc.Authorization;

/// <summary>
/// The validator's verdict. With no trustworthy redirect URI an error is shown to the user
/// (<see cref="RedirectUri"/> null: never redirect to an unregistered URI); otherwise errors go back
/// to the client as RFC 6749 §4.1.2.1 parameters.
/// </summary>
public sealed record AuthorizeValidation(AuthorizeRequest? Request, ProtocolError? Error, string? RedirectUri, string? State)
{
    public static AuthorizeValidation Valid(AuthorizeRequest request) => new(request, null, request.RedirectUri, request.State);

    public static AuthorizeValidation ShowError(ProtocolError error) => new(null, error, null, null);

    public static AuthorizeValidation ReturnError(ProtocolError error, string redirectUri, string? state) => new(null, error, redirectUri, state);
}
