using System.IO.Compression;
using System.Text;

namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// The bundled list of common and breached passwords (common-passwords.txt.gz, built by
/// tools/build-common-passwords.sh): lower-cased printable ASCII, one a line, sorted by byte value. Kept in
/// memory as the decompressed bytes plus line offsets (about 5 MB) and searched by binary search.
/// </summary>
public sealed class CommonPasswords
{
    private const string ResourceName = "HelpdeskIdentity.Api.Accounts.Passwords.common-passwords.txt.gz";
    private static readonly Lazy<CommonPasswords> LazyBundled = new(Load);

    private readonly byte[] _data;
    private readonly int[] _starts;

    private CommonPasswords(byte[] data, int[] starts)
    {
        _data = data;
        _starts = starts;
    }

    /// <summary>The list in the assembly, read once on first use.</summary>
    public static CommonPasswords Bundled => LazyBundled.Value;

    public int Count => _starts.Length - 1;

    /// <summary>The entry at an index, in list order.</summary>
    public string this[int index] => Encoding.ASCII.GetString(Entry(index));

    /// <summary>True when the text, lower-cased, is on the list. Only printable ASCII can be.</summary>
    public bool Contains(string text)
    {
        if (text.Length == 0 || text.Any(c => c is < ' ' or > '~'))
        {
            return false;
        }

        Span<byte> candidate = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            candidate[i] = (byte)char.ToLowerInvariant(text[i]);
        }

        var (low, high) = (0, Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = Entry(middle).SequenceCompareTo(candidate);
            if (order == 0)
            {
                return true;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }

    private ReadOnlySpan<byte> Entry(int index) => _data.AsSpan(_starts[index], _starts[index + 1] - _starts[index] - 1);

    private static CommonPasswords Load()
    {
        using var resource = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var data = buffer.ToArray();

        var starts = new List<int>(capacity: 420_000) { 0 };
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        // Every line ends in '\n', so the last start is the end of the data: Count is starts - 1.
        return new CommonPasswords(data, [.. starts]);
    }
}
