using System.Buffers.Text;
using System.Text;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>The <c>limit</c> and opaque <c>cursor</c> of a paged list, checked; the cursor is the last item's key, base64url.</summary>
internal static class PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The limit, or a validation problem naming <c>limit</c>.</summary>
    public static (int Limit, IResult? Problem) Limit(string? limit) =>
        limit is null ? (DefaultLimit, null)
        : int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit
            ? (value, null)
            : (0, AdminProblems.Invalid("limit", $"must be a whole number from 1 to {MaxLimit}"));

    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>The key inside a cursor, null when there is none, or a validation problem naming <c>cursor</c>.</summary>
    public static (string? Key, IResult? Problem) Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return (null, null);
        }

        try
        {
            return cursor.Length <= 200 ? (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)), null) : (null, Bad);
        }
        catch (FormatException)
        {
            return (null, Bad);
        }
    }

    /// <summary>The id inside a cursor of an id-ordered list (accounts, organisations), or a problem naming <c>cursor</c>.</summary>
    public static (Guid? After, IResult? Problem) AfterId(string? cursor)
    {
        var (key, problem) = Decode(cursor);
        return key is null ? (null, problem) : Guid.TryParse(key, out var id) ? (id, null) : (null, Bad);
    }

    public static IResult Bad => AdminProblems.Invalid("cursor", "is not a cursor this API returned");
}
