using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace HelpdeskIdentity.TestSupport;

/// <summary>What an authenticator app does with the key a person typed (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).</summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStep = new();

    /// <summary>The code for <paramref name="key"/> (base32, spaces and case ignored) at <paramref name="at"/> (now by default).</summary>
    public static string Code(string key, DateTimeOffset? at = null) => CodeAt(key, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30);

    /// <summary>
    /// The next code a person would type: the service accepts each code once, so a test that uses the same key again
    /// within 30 seconds gets the code of a later step (the service accepts up to two steps ahead, as for a phone
    /// whose clock runs fast); past that it waits for the clock, as the person would.
    /// </summary>
    public static async Task<string> NextCodeAsync(string key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var last = LastStep.GetOrAdd(key, long.MinValue);
            var step = Math.Max(now, last == long.MinValue ? now : last + 1);
            if (step <= now + 2 && LastStep.TryUpdate(key, step, last))
            {
                return CodeAt(key, step);
            }

            if (step > now + 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(30 - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30)));
            }
        }
    }

    private static string CodeAt(string key, long step)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("000000", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string key)
    {
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in key.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
