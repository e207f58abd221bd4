using System.Globalization;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>The real FIS layer that scripts/build-layer.sh unpacks (extensions/fis-extension, aws-fis/bootstrap), and
/// fault objects for it in a local configuration folder (schema v1, fis-lambda-actions.md §5).</summary>
internal static class FisLayer
{
    public const string Wrapper = "/opt/aws-fis/bootstrap";

    public static string Folder
    {
        get
        {
            var folder = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "layer", "x86_64");
            return File.Exists(Path.Combine(folder, "extensions", "fis-extension"))
                ? folder
                : throw new InvalidOperationException($"{folder} holds no published extension: run scripts/build-layer.sh first.");
        }
    }

    /// <summary>The function's environment as copied from a real configuration: the wrapper at /opt, faults from the folder, polled fast.</summary>
    public static Dictionary<string, string> Environment(string configurationFolder) => new(StringComparer.Ordinal)
    {
        ["AWS_LAMBDA_EXEC_WRAPPER"] = Wrapper,
        ["AWS_FIS_CONFIGURATION_LOCATION"] = configurationFolder.TrimEnd('/') + "/",
        ["AWS_FIS_HOT_POLL_INTERVAL_SECONDS"] = "1",
        // An upper bound: a loaded machine must not let the first invocation pass undelayed (several namespaced cold
        // starts at once share two cores; the S3 isolation test needed 15 s).
        ["AWS_FIS_POLL_MAX_WAIT_MILLISECONDS"] = "15000",
    };

    /// <summary>An add-delay fault on every invocation of <paramref name="functionName"/>, active from a minute ago for ten minutes.</summary>
    public static void WriteDelay(string configurationFolder, string functionName, int milliseconds)
    {
        var folder = Path.Combine(configurationFolder, functionName);
        Directory.CreateDirectory(folder);
        var now = DateTimeOffset.UtcNow;
        File.WriteAllText(Path.Combine(folder, "EXPisolation-delay.json"), $$$"""
            {"schemaVersion":1,"experimentId":"EXPisolation","actionName":"delay","actionId":"aws:lambda:invocation-add-delay",
             "startTime":"{{{Rfc3339(now.AddMinutes(-1))}}}","endTime":"{{{Rfc3339(now.AddMinutes(10))}}}",
             "parameters":{"invocationPercentage":"100","startupDelayMilliseconds":"{{{milliseconds.ToString(CultureInfo.InvariantCulture)}}}"}}
            """);
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
