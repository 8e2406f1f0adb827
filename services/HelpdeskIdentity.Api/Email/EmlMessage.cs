namespace HelpdeskIdentity.Api.Email;

/// <summary>An e-mail as <see cref="EmlReader"/> reads it back: headers (decoded, by lower-case name) and the two parts.</summary>
public sealed record EmlMessage(IReadOnlyDictionary<string, string> Headers, string? Text, string? Html)
{
    public string Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant(), "");
}
