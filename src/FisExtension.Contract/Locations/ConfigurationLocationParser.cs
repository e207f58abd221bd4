using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FisExtension.Contract.Locations;

/// <summary>
/// Parses <c>AWS_FIS_CONFIGURATION_LOCATION</c>: <c>arn:aws:s3:::bucket/prefix/</c>, <c>s3://bucket/prefix/</c>,
/// or a local directory (<c>/path/</c>, <c>file:///path/</c>). A problem says what is wrong and how to fix it.
/// </summary>
public static class ConfigurationLocationParser
{
    private const string ArnPrefix = "arn:";
    private const string S3ArnService = ":s3:::";
    private const string S3UrlScheme = "s3://";
    private const string FileUrlScheme = "file://";
    private const string Forms = "Use arn:aws:s3:::bucket/prefix/, s3://bucket/prefix/, or an absolute directory such as /tmp/fis/ or file:///tmp/fis/.";

    public static bool TryParse(string value, [NotNullWhen(true)] out ConfigurationLocation? location, [NotNullWhen(false)] out string? problem)
    {
        location = null;
        var text = value.Trim();

        // Found by fuzzing: Uri throws (IndexOutOfRangeException) on "file://" followed by U+202E. No location
        // needs a control or formatting character, and such a value is not echoed, as it would garble the line.
        foreach (var c in text.Where(IsInvisible).Take(1))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the value contains the invisible character U+{(int)c:X4}. Write it in plain characters. {Forms}");
            return false;
        }

        if (text.StartsWith(ArnPrefix, StringComparison.Ordinal))
        {
            return TryParseArn(text, out location, out problem);
        }

        if (text.StartsWith(S3UrlScheme, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseBucketAndPrefix(text[S3UrlScheme.Length..], text, out location, out problem);
        }

        if (text.StartsWith(FileUrlScheme, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseFileUrl(text, out location, out problem);
        }

        if (text.StartsWith('/'))
        {
            location = new DirectoryConfigurationLocation(text);
            problem = null;
            return true;
        }

        problem = $"\"{value}\" is not a location the extension understands. {Forms}";
        return false;
    }

    private static bool TryParseArn(string text, out ConfigurationLocation? location, out string? problem)
    {
        location = null;

        // arn:<partition>:s3:::<bucket>/<prefix>; region and account are empty for bucket ARNs.
        var service = text.IndexOf(S3ArnService, StringComparison.Ordinal);
        var partition = service > ArnPrefix.Length ? text[ArnPrefix.Length..service] : "";
        if (service < 0 || partition.Length == 0 || partition.Contains(':', StringComparison.Ordinal))
        {
            problem = text.Contains(":accesspoint/", StringComparison.Ordinal)
                ? $"\"{text}\" is an access point ARN, which is not supported. {Forms}"
                : $"\"{text}\" is not an S3 bucket ARN. {Forms}";
            return false;
        }

        return TryParseBucketAndPrefix(text[(service + S3ArnService.Length)..], text, out location, out problem);
    }

    private static bool TryParseBucketAndPrefix(string bucketAndPrefix, string text, out ConfigurationLocation? location, out string? problem)
    {
        location = null;
        var slash = bucketAndPrefix.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? bucketAndPrefix : bucketAndPrefix[..slash];
        var prefix = slash < 0 ? "" : bucketAndPrefix[(slash + 1)..];

        if (BucketNameProblem(bucket) is { } bucketProblem)
        {
            problem = $"\"{text}\": {bucketProblem}";
            return false;
        }

        // A prefix names a folder: "FisConfigs" and "FisConfigs/" both mean objects under "FisConfigs/".
        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        location = new S3ConfigurationLocation(bucket, prefix);
        problem = null;
        return true;
    }

    private static bool TryParseFileUrl(string text, out ConfigurationLocation? location, out string? problem)
    {
        location = null;
        // Found by fuzzing: Uri reads file:///a:/x as the Windows drive path "a:\x", which is relative here.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !uri.IsFile || !string.IsNullOrEmpty(uri.Host) || !uri.LocalPath.StartsWith('/'))
        {
            problem = $"\"{text}\" is not a local file URL (file:///path/, with three slashes and no host). {Forms}";
            return false;
        }

        // Found by fuzzing: %00 decodes to a NUL, which no path may hold (Path.GetFullPath throws on it).
        foreach (var c in uri.LocalPath.Where(IsInvisible).Take(1))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"\"{text}\" decodes to a path with the invisible character U+{(int)c:X4}. Write the path in plain characters. {Forms}");
            return false;
        }

        location = new DirectoryConfigurationLocation(uri.LocalPath);
        problem = null;
        return true;
    }

    private static bool IsInvisible(char c) => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    private const string DirectoryBucketSuffix = "--x-s3";

    private static string? BucketNameProblem(string bucket)
    {
        if (bucket.Length == 0)
        {
            return $"the bucket name is missing. {Forms}";
        }

        if (bucket.Length is < 3 or > 63)
        {
            return $"bucket name \"{bucket}\" has {bucket.Length} characters. S3 bucket names have 3 to 63.";
        }

        foreach (var c in bucket)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return $"bucket name \"{bucket}\" contains '{c}'. S3 bucket names use only lowercase letters, digits, '.' and '-'.";
            }
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return $"bucket name \"{bucket}\" must begin and end with a letter or digit.";
        }

        // S3 User Guide, "Directory bucket naming rules": the suffix names an S3 Express One Zone bucket, which is read
        // with session credentials (CreateSession) the extension does not have.
        if (bucket.EndsWith(DirectoryBucketSuffix, StringComparison.Ordinal))
        {
            return $"bucket \"{bucket}\" is a directory bucket (S3 Express One Zone), which the extension cannot read. Use a general purpose bucket.";
        }

        return null;
    }
}
