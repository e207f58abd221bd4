using CsCheck;
using FisExtension.Telemetry;
using FisExtension.Tests.Telemetry.Support;

namespace FisExtension.Tests.Telemetry;

/// <summary>
/// The extension's hand-written redaction rules mean what their regular expressions say: on text made of the pieces
/// the rules look for (names, separators, key id prefixes, token prefixes, schemes) and of arbitrary text, it gives
/// exactly what the same rules as .NET regexes give.
/// </summary>
public sealed class SecretRedactorModelTests
{
    // Characters .NET's invariant case-insensitive regex takes for ASCII letters (KELVIN SIGN for k, LONG S for s,
    // the dotted and dotless i): the rules compare ASCII letters only, on purpose.
    private static readonly char[] NonAsciiCaseEquivalents = ['\u212A', '\u017F', '\u0130', '\u0131'];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOfConst(
            "bearer", "Bearer", "BEARER", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "=", ":", "\"", "'", "&", ",", ";", "<", ">", "/", "?", "#",
            "@", "://", "+", ".", "-", "_", "|", "x-amz-", "X-Amz-", "signature", "Credential", "security", "security-token", "SecurityToken",
            "awsaccesskeyid", "aws", "aws_", "AWS_", "secret", "_", "access", "access_", "key", "KEY", "session", "token", "Token", "refresh",
            "id", "auth", "password", "passwd", "api", "api-key", "api_key", "apikey", "Authorization", "AKIA", "ASIA", "ACCA", "A3T", "A3TX",
            "IQoJb3JpZ2lu", "FwoGZXIvYXdz", "https", "s3+x.y-z", "admin", "é")),
        (2, Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[0, 20].Select(chars => new string(chars))),
        (2, Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+="].Array[0, 44].Select(chars => new string(chars))),
        // A key id, the characters that may follow it, and a secret-sized run: the access-key-then-secret rule's pieces.
        (2, Gen.Select(Gen.OneOfConst("AKIA", "ASIA", "A3TZ", "A3T-", "AKIB"), Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[15, 17])
            .Select((prefix, rest) => prefix + new string(rest))),
        (2, Gen.Char[" \t:/,;=|+a"].Array[1, 4].Select(chars => new string(chars))),
        (2, Gen.Char["ABCabc0123/+"].Array[38, 42].Select(chars => new string(chars))),
        (1, Gen.String.Where(text => text.IndexOfAny(NonAsciiCaseEquivalents) < 0)));

    private static readonly Gen<string> Text = Piece.Array[0, 24].Select(pieces => string.Concat(pieces));

    [Fact]
    public void EveryRule_MatchesWhatItsRegularExpressionMatches() =>
        Text.Sample(text => Assert.Equal(RegexSecretRedactor.Redact(text), SecretRedactor.Redact(text)), iter: 20_000);

    [Theory]
    [InlineData("Authorization: Bearer abc.def", "Authorization: [REDACTED] [REDACTED]")]
    [InlineData("AKIAABCDEFGHIJKLMNOP::/wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "[REDACTED]")]
    [InlineData("AKIAABCDEFGHIJKLMNOP//wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", "[REDACTED]")]
    [InlineData("bearer\t\tabc", "Bearer [REDACTED]")]
    [InlineData("X-AMZ-SECURITY-TOKEN = 'abc'&x=1", "X-AMZ-SECURITY-TOKEN = '[REDACTED]'&x=1")]
    [InlineData("https://user:pw@host/x?passwd=a", "https://[REDACTED]@host/x?passwd=[REDACTED]")]
    public void Examples_AgreeWithTheRegularExpressions(string text, string expected)
    {
        Assert.Equal(expected, RegexSecretRedactor.Redact(text));
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }
}
