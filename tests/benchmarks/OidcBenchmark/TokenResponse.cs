using System.Text.Json;

namespace OidcBenchmark;

/// <summary>Reads what the benchmark needs from a token endpoint's JSON answer.</summary>
internal static class TokenResponse
{
    public static string? RefreshTokenIn(string json) => StringProperty(json, "refresh_token");

    /// <summary>The OAuth <c>error</c> code of an error answer, or null.</summary>
    public static string? ErrorIn(string json) => StringProperty(json, "error");

    private static string? StringProperty(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
