using System.Text.RegularExpressions;

namespace FisExtension.Tests.Telemetry.Support;

/// <summary>
/// The model the extension's <c>SecretRedactor</c> is checked against: the same six rules as .NET regular expressions,
/// as the extension wrote them before it dropped the regex engine from its binary (0.4 MB).
/// </summary>
internal static partial class RegexSecretRedactor
{
    private const string Redacted = "[REDACTED]";

    public static string Redact(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        // Bearer first: "Authorization: Bearer <token>" would otherwise lose only the word "Bearer" to NamedSecret.
        value = BearerToken().Replace(value, "Bearer " + Redacted);
        value = NamedSecret().Replace(value, match => match.Groups["name"].Value + match.Groups["separator"].Value + Redacted);
        value = AccessKeyThenSecret().Replace(value, Redacted);
        value = AccessKeyId().Replace(value, Redacted);
        value = SessionToken().Replace(value, Redacted);
        return UrlUserInfo().Replace(value, match => match.Groups["scheme"].Value + Redacted + "@");
    }

    // Query parameters of presigned URLs and SigV4 headers, and key=value / "key": "value" / key: value pairs whose
    // name says secret (environment variables, ~/.aws/credentials lines, JSON documents).
    [GeneratedRegex(
        """(?<name>(?:x-amz-)?(?:signature|credential|security-?token)|awsaccesskeyid|(?:aws_?)?secret_?(?:access_?)?key|(?:aws_?)?(?:session|security|access|refresh|id|auth|bearer)[-_]?token|password|passwd|secret|api[-_]?key|authorization)(?<separator>["']?\s*[=:]\s*["']?)[^\s&"',;<>]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedSecret();

    // Access key id prefixes: docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
    [GeneratedRegex("(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyId();

    // A secret access key (40 base64 characters) written right after its key id, as "AKIA…:secret" or "AKIA… secret".
    [GeneratedRegex("(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}[\\s:/,;=|]{1,3}[A-Za-z0-9/+]{40}", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyThenSecret();

    // STS session tokens begin with these base64 prefixes ("IQoJb3JpZ2luX2Vj" is "!\n\toriginEc", "FwoGZXIvYXdz" is "\x17\n\x06er/aws").
    [GeneratedRegex("(?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9/+=]*", RegexOptions.CultureInvariant)]
    private static partial Regex SessionToken();

    [GeneratedRegex("""Bearer\s+[A-Za-z0-9._~+/=-]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // RFC 3986 §3.2.1: "user:password@" before the host; it never holds '/', '?', '#' or '@'.
    [GeneratedRegex("""(?<scheme>[a-z][a-z0-9+.-]*://)[^/?#\s@]+@""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();
}
