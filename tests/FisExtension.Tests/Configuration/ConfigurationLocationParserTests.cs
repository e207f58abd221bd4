using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration;

public class ConfigurationLocationParserTests
{
    [Theory]
    [InlineData("arn:aws:s3:::my-bucket/FisConfigs/", "my-bucket", "FisConfigs/")]
    [InlineData("arn:aws:s3:::my-bucket/FisConfigs", "my-bucket", "FisConfigs/")]
    [InlineData("arn:aws:s3:::my-bucket/a/b/", "my-bucket", "a/b/")]
    [InlineData("arn:aws:s3:::my-bucket", "my-bucket", "")]
    [InlineData("arn:aws:s3:::my-bucket/", "my-bucket", "")]
    [InlineData("arn:aws-cn:s3:::my.bucket-1/x/", "my.bucket-1", "x/")]
    [InlineData("arn:aws-us-gov:s3:::abc/x/", "abc", "x/")]
    [InlineData("s3://my-bucket/FisConfigs/", "my-bucket", "FisConfigs/")]
    [InlineData("S3://my-bucket/FisConfigs", "my-bucket", "FisConfigs/")]
    [InlineData("s3://my-bucket", "my-bucket", "")]
    [InlineData("  s3://my-bucket/p/  ", "my-bucket", "p/")]
    public void S3Forms_ParseToBucketAndFolderPrefix(string value, string bucket, string prefix)
    {
        Assert.True(ConfigurationLocationParser.TryParse(value, out var location, out var problem), problem);

        Assert.Equal(new S3ConfigurationLocation(bucket, prefix), location);
    }

    [Theory]
    [InlineData("/tmp/fis/", "/tmp/fis/")]
    [InlineData("/tmp/fis", "/tmp/fis")]
    [InlineData("file:///tmp/fis/", "/tmp/fis/")]
    [InlineData("file:///tmp/with%20space/", "/tmp/with space/")]
    public void DirectoryForms_ParseToAPath(string value, string path)
    {
        Assert.True(ConfigurationLocationParser.TryParse(value, out var location, out var problem), problem);

        Assert.Equal(new DirectoryConfigurationLocation(path), location);
    }

    [Theory]
    [InlineData("my-bucket/prefix/", "is not a location the extension understands")]
    [InlineData("https://my-bucket.s3.amazonaws.com/prefix/", "is not a location the extension understands")]
    [InlineData("tmp/fis/", "is not a location the extension understands")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/x", "is an access point ARN, which is not supported")]
    [InlineData("arn:aws:lambda:::fn", "is not an S3 bucket ARN")]
    [InlineData("arn::s3:::bucket/", "is not an S3 bucket ARN")]
    [InlineData("arn:aws:s3:::", "the bucket name is missing")]
    [InlineData("s3:///prefix/", "the bucket name is missing")]
    [InlineData("s3://My-Bucket/prefix/", "contains 'M'. S3 bucket names use only lowercase letters, digits, '.' and '-'.")]
    [InlineData("s3://ab/prefix/", "has 2 characters. S3 bucket names have 3 to 63.")]
    [InlineData("s3://fis-configs--use1-az4--x-s3/prefix/", "is a directory bucket (S3 Express One Zone), which the extension cannot read. Use a general purpose bucket.")]
    [InlineData("s3://-bucket/", "must begin and end with a letter or digit")]
    [InlineData("s3://my_bucket/", "contains '_'")]
    [InlineData("file://server/share/", "is not a local file URL")]
    public void BadLocations_SayWhatIsWrongAndTheFormsThatWork(string value, string expected)
    {
        Assert.False(ConfigurationLocationParser.TryParse(value, out var location, out var problem));

        Assert.Null(location);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void UnknownForm_ProblemListsEveryAcceptedForm()
    {
        ConfigurationLocationParser.TryParse("bucket", out _, out var problem);

        Assert.Contains("arn:aws:s3:::bucket/prefix/", problem);
        Assert.Contains("s3://bucket/prefix/", problem);
        Assert.Contains("file:///tmp/fis/", problem);
    }

    [Fact]
    public void S3Location_ListsOnlyTheFunctionsOwnPrefix() =>
        Assert.Equal("FisConfigs/my-function/", new S3ConfigurationLocation("b", "FisConfigs/").FunctionPrefix("my-function"));

    [Fact]
    public void FileUrlWithADriveLetter_IsRejectedNotReadAsARelativePath()
    {
        Assert.False(ConfigurationLocationParser.TryParse("file:///c:/fis/", out _, out var problem));

        Assert.StartsWith("\"file:///c:/fis/\" is not a local file URL", problem);
    }

    [Fact]
    public void FileUrlDecodingToANul_IsRejectedNotAnException()
    {
        Assert.False(ConfigurationLocationParser.TryParse("file:///tmp/fis%00/", out _, out var problem));

        Assert.StartsWith("\"file:///tmp/fis%00/\" decodes to a path with the invisible character U+0000.", problem);
    }

    [Theory]
    [InlineData("file://\u202e", "U+202E")]
    [InlineData("s3://my-bucket/Fis\u0000Configs/", "U+0000")]
    [InlineData("/tmp/fis\u200b/", "U+200B")]
    public void InvisibleCharacter_IsOneProblemNamingItsCodePoint_NotAnException(string value, string codePoint)
    {
        Assert.False(ConfigurationLocationParser.TryParse(value, out _, out var problem));

        Assert.StartsWith($"the value contains the invisible character {codePoint}. Write it in plain characters.", problem);
    }
}
