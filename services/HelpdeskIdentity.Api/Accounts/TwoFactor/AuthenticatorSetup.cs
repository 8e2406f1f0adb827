using System.Text;
using QRCoder;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>What the set-up page shows: the shared key to type (in groups of four), and the same as a QR code, drawn here (no external service).</summary>
public sealed record AuthenticatorSetup(string Key, string QrCodeDataUri)
{
    /// <summary>The <c>otpauth://</c> URI authenticator apps read: issuer and account label, the key, 6 digits every 30 s (RFC 6238 defaults).</summary>
    public static AuthenticatorSetup For(string issuer, string accountLabel, string key)
    {
        var label = Uri.EscapeDataString($"{issuer}:{accountLabel}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString().ToLowerInvariant();
    }
}
