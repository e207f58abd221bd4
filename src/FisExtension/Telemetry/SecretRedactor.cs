using System.Buffers;
using System.Text;

namespace FisExtension.Telemetry;

/// <summary>
/// Replaces anything shaped like a credential with <c>[REDACTED]</c> before it can reach a log line: presigned-URL
/// and SigV4 parameters (<c>X-Amz-Signature</c>, <c>X-Amz-Credential</c>, <c>X-Amz-Security-Token</c>), values after
/// secret-sounding names, AWS access key ids, session tokens, bearer tokens and the userinfo of URLs. Rules match
/// with no word boundary in front on purpose: a secret glued to other text is redacted too, and a little too much
/// redacted is the safe side. Applying them again changes nothing.
/// <para>
/// Each rule is a scanner with the meaning of a regular expression, written in its comment, and a test holds them to
/// those expressions. Not <see cref="System.Text.RegularExpressions.Regex"/>: even source-generated patterns bring the
/// whole regex engine into the NativeAOT binary (0.4 MB). Letters compare as ASCII: where .NET's case-insensitive
/// regex also takes the Kelvin sign for k or the long s for s, these rules do not. Each rule costs time linear in
/// the value's length: a long value (an S3 error message, say) is redacted before it is capped.
/// </para>
/// </summary>
internal static class SecretRedactor
{
    public const string Redacted = "[REDACTED]";

    /// <summary>Looks for the rule's match starting at <paramref name="start"/>: its end, or -1, and what replaces it.</summary>
    private delegate int Rule(string text, int start, out string replacement);

    public static string Redact(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        // Bearer first: "Authorization: Bearer <token>" would otherwise lose only the word "Bearer" to NamedSecret.
        value = Apply(value, BearerToken);
        value = Apply(value, NamedSecret);
        value = Apply(value, AccessKeyThenSecret);
        value = Apply(value, AccessKeyId);
        value = Apply(value, SessionToken);
        return Apply(value, UrlUserInfo);
    }

    /// <summary>Replaces each leftmost, non-overlapping match, as <c>Regex.Replace</c> does.</summary>
    private static string Apply(string text, Rule rule) => Apply(text, (text, from) =>
    {
        for (var at = from; at < text.Length; at++)
        {
            if (rule(text, at, out var replacement) is >= 0 and var end)
            {
                return (at, end, replacement);
            }
        }

        return null;
    });

    /// <summary>As above, with a rule that finds its own leftmost match at or after a position.</summary>
    private static string Apply(string text, Func<string, int, (int Start, int End, string Replacement)?> findFrom)
    {
        StringBuilder? result = null;
        var copied = 0;
        while (findFrom(text, copied) is var (start, end, replacement))
        {
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, start - copied).Append(replacement);
            copied = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    // (?i)Bearer\s+[A-Za-z0-9._~+/=-]+   replaced by "Bearer [REDACTED]"
    private static int BearerToken(string text, int start, out string replacement)
    {
        replacement = "Bearer " + Redacted;
        if (!StartsWithIgnoringAsciiCase(text, start, "bearer"))
        {
            return -1;
        }

        var afterSpace = Skip(text, start + 6, char.IsWhiteSpace);
        if (afterSpace == start + 6)
        {
            return -1;
        }

        var end = Skip(text, afterSpace, c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '+' or '/' or '=' or '-');
        return end > afterSpace ? end : -1;
    }

    // Query parameters of presigned URLs and SigV4 headers, and key=value / "key": "value" / key: value pairs whose
    // name says secret (environment variables, ~/.aws/credentials lines, JSON documents):
    // (?i)(?<name>(?:x-amz-)?(?:signature|credential|security-?token)|awsaccesskeyid|(?:aws_?)?secret_?(?:access_?)?key
    //   |(?:aws_?)?(?:session|security|access|refresh|id|auth|bearer)[-_]?token|password|passwd|secret|api[-_]?key
    //   |authorization)(?<separator>["']?\s*[=:]\s*["']?)[^\s&"',;<>]+   replaced by name + separator + [REDACTED]
    // At most one name can succeed at a position: a shorter one would need a separator where the longer has a name character.
    private static readonly string[] SecretNames =
    [
        .. Combine(["", "x-amz-"], ["signature", "credential", "securitytoken", "security-token"]),
        "awsaccesskeyid",
        .. Combine(["", "aws", "aws_"], ["secret"], ["", "_"], ["", "access", "access_"], ["key"]),
        .. Combine(["", "aws", "aws_"], ["session", "security", "access", "refresh", "id", "auth", "bearer"], ["", "-", "_"], ["token"]),
        "password", "passwd", "secret", "apikey", "api-key", "api_key", "authorization",
    ];

    private static readonly SearchValues<char> SecretNameStarts = SearchValues.Create(
        string.Concat(SecretNames.Select(name => char.ToUpperInvariant(name[0]).ToString() + name[0]).Distinct()));

    private static int NamedSecret(string text, int start, out string replacement)
    {
        replacement = "";
        if (!SecretNameStarts.Contains(text[start]))
        {
            return -1;
        }

        foreach (var name in SecretNames)
        {
            if (!StartsWithIgnoringAsciiCase(text, start, name))
            {
                continue;
            }

            var at = start + name.Length;
            at = SkipOneOf(text, at, '"', '\'');
            at = Skip(text, at, char.IsWhiteSpace);
            if (at == text.Length || text[at] is not ('=' or ':'))
            {
                continue;
            }

            at = Skip(text, at + 1, char.IsWhiteSpace);
            var valueStart = SkipOneOf(text, at, '"', '\'');
            var end = Skip(text, valueStart, c => !char.IsWhiteSpace(c) && c is not ('&' or '"' or '\'' or ',' or ';' or '<' or '>'));
            if (end > valueStart)
            {
                replacement = text[start..valueStart] + Redacted;
                return end;
            }
        }

        return -1;
    }

    // A secret access key (40 base64 characters) written right after its key id, as "AKIA…:secret" or "AKIA… secret":
    // <key id>[\s:/,;=|]{1,3}[A-Za-z0-9/+]{40}; the separator gives back characters as a regex's greedy {1,3} would.
    private static int AccessKeyThenSecret(string text, int start, out string replacement)
    {
        replacement = Redacted;
        if (AccessKeyId(text, start, out _) is not (> 0 and var keyEnd))
        {
            return -1;
        }

        for (var separator = 3; separator >= 1; separator--)
        {
            var secretStart = keyEnd + separator;
            if (secretStart + 40 <= text.Length
                && All(text, keyEnd, secretStart, c => char.IsWhiteSpace(c) || c is ':' or '/' or ',' or ';' or '=' or '|')
                && All(text, secretStart, secretStart + 40, c => char.IsAsciiLetterOrDigit(c) || c is '/' or '+'))
            {
                return secretStart + 40;
            }
        }

        return -1;
    }

    // Access key id prefixes: docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
    // (?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}
    private static readonly string[] AccessKeyPrefixes = ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA"];

    private static int AccessKeyId(string text, int start, out string replacement)
    {
        replacement = Redacted;
        var end = start + 20;
        if (end > text.Length || text[start] != 'A')
        {
            return -1;
        }

        var known = (string.CompareOrdinal(text, start, "A3T", 0, 3) == 0 && IsUpperAlphanumeric(text[start + 3]))
            || AccessKeyPrefixes.Any(prefix => string.CompareOrdinal(text, start, prefix, 0, 4) == 0);
        return known && All(text, start + 4, end, IsUpperAlphanumeric) ? end : -1;
    }

    // STS session tokens begin with these base64 prefixes ("IQoJb3JpZ2luX2Vj" is "!\n\toriginEc", "FwoGZXIvYXdz" is "\x17\n\x06er/aws"):
    // (?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9/+=]*
    private static int SessionToken(string text, int start, out string replacement)
    {
        replacement = Redacted;
        var span = text.AsSpan(start);
        return span.StartsWith("IQoJb3JpZ2lu", StringComparison.Ordinal) || span.StartsWith("FwoGZXIvYXdz", StringComparison.Ordinal)
            ? Skip(text, start + 12, c => char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or '=')
            : -1;
    }

    // RFC 3986 §3.2.1: "user:password@" before the host; it never holds '/', '?', '#' or '@'.
    // (?i)(?<scheme>[a-z][a-z0-9+.-]*://)[^/?#\s@]+@   replaced by scheme + [REDACTED] + "@"
    // Found from each "://" rather than from each position: the scheme's characters exclude ':', so every start in the
    // run of scheme characters before a "://" reaches that one, and the leftmost letter of the run is the regex's start.
    private static (int Start, int End, string Replacement)? UrlUserInfo(string text, int from)
    {
        for (var separator = text.IndexOf("://", from, StringComparison.Ordinal); separator >= 0; separator = text.IndexOf("://", separator + 1, StringComparison.Ordinal))
        {
            var runStart = separator;
            while (runStart > from && IsSchemeCharacter(text[runStart - 1]))
            {
                runStart--;
            }

            var start = runStart;
            while (start < separator && !char.IsAsciiLetter(text[start]))
            {
                start++;
            }

            var userInfo = separator + 3;
            var at = Skip(text, userInfo, c => !char.IsWhiteSpace(c) && c is not ('/' or '?' or '#' or '@'));
            if (start < separator && at > userInfo && at < text.Length && text[at] == '@')
            {
                return (start, at + 1, text[start..userInfo] + Redacted + "@");
            }
        }

        return null;
    }

    private static bool IsSchemeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-';

    private static bool StartsWithIgnoringAsciiCase(string text, int start, string lowerCaseName)
    {
        if (text.Length - start < lowerCaseName.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerCaseName.Length; i++)
        {
            var c = text[start + i];
            if ((char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) != lowerCaseName[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int Skip(string text, int at, Func<char, bool> matches)
    {
        while (at < text.Length && matches(text[at]))
        {
            at++;
        }

        return at;
    }

    private static int SkipOneOf(string text, int at, char first, char second) =>
        at < text.Length && (text[at] == first || text[at] == second) ? at + 1 : at;

    private static bool All(string text, int from, int to, Func<char, bool> matches)
    {
        for (var i = from; i < to; i++)
        {
            if (!matches(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUpperAlphanumeric(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private static IEnumerable<string> Combine(params string[][] parts) =>
        parts.Aggregate((IEnumerable<string>)[""], (heads, tails) => heads.SelectMany(head => tails.Select(tail => head + tail)));
}
