using CsCheck;
using FisExtension.Configuration;
using FisExtension.Tests.Configuration.Support;
using Xunit.Abstractions;

namespace FisExtension.Tests.Configuration;

/// <summary>
/// Whatever AWS_FIS_CONFIGURATION_LOCATION holds, the parser yields a usable location or one problem, and never
/// throws. Two generators share the parser's fuzz budget (<see cref="Fuzz.CasesPerParser"/>).
/// </summary>
[Trait("Category", Fuzz.Category)]
public class ConfigurationLocationParserPropertyTests(ITestOutputHelper output)
{
    private static readonly long Iterations = Fuzz.CasesPerParser / 2;

    private static readonly Gen<string> Start = Gen.OneOfConst(
        "", "arn:", "arn:aws:s3:::", "arn:aws-cn:s3:::", "arn::s3:::", "arn:aws:s3:us-east-1:123:accesspoint/", "s3://", "S3://",
        "file://", "file:///", "file://host/", "/", "//", " ", "\t", "my-bucket");

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOfConst("my-bucket", "a", "ab", "abc", "a..b", "-x", "x-", "UPPER", "b_", "/", "//", "FisConfigs", "FisConfigs/", "%20", "%", "..", ":", " ", "\u00e9", "\0", "\n", "\u202e"),
        Gen.String[0, 12],
        Gen.Char["ab.-/:%1 "].Array[1, 70].Select(chars => new string(chars)));

    [Fact]
    public void AnyLocationLikeText_YieldsALocationOrOneProblemAndNeverThrows() =>
        Fuzz.Run(
            "configuration location, location-like text",
            Gen.Select(Start, Piece.Array[0, 5]).Select(c => c.Item1 + string.Concat(c.Item2)),
            AssertOneOutcome, Iterations, output);

    [Fact]
    public void AnyString_YieldsALocationOrOneProblemAndNeverThrows() =>
        Fuzz.Run("configuration location, any string", Gen.String[0, 120], AssertOneOutcome, Iterations, output);

    private static void AssertOneOutcome(string value)
    {
        var parsed = ConfigurationLocationParser.TryParse(value, out var location, out var problem);

        Assert.Equal(parsed, location is not null);
        Assert.Equal(parsed, problem is null);
        switch (location)
        {
            case S3ConfigurationLocation s3:
                Assert.Matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", s3.Bucket);
                Assert.True(s3.Prefix.Length == 0 || s3.Prefix.EndsWith('/'), s3.Prefix);
                Assert.Equal($"{s3.Prefix}my-function/", s3.FunctionPrefix("my-function"));
                break;
            case DirectoryConfigurationLocation directory:
                Assert.StartsWith("/", directory.Path);
                Assert.EndsWith("/my-function/", new DirectoryFaultConfigurationStore(directory, "my-function").FunctionLocation);
                break;
            case null:
                Assert.False(string.IsNullOrWhiteSpace(problem));
                break;
            default:
                Assert.Fail($"unexpected location {location}");
                break;
        }
    }
}
