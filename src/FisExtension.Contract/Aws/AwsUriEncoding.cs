using System.Text;

namespace FisExtension.Contract.Aws;

/// <summary>
/// The percent-encoding SigV4 prescribes (AWS General Reference, "Create a canonical request"): every byte of the UTF-8
/// form but the RFC 3986 unreserved characters, in upper-case hex; S3 keys keep their slashes.
/// </summary>
public static class AwsUriEncoding
{
    public static string Encode(string text) => Encode(text, keepSlashes: false);

    /// <summary>An S3 object key as a URI path: encoded once, its slashes kept (they separate nothing to S3).</summary>
    public static string EncodePath(string key) => Encode(key, keepSlashes: true);

    private static string Encode(string text, bool keepSlashes)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                || (keepSlashes && b == (byte)'/'))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";
}
