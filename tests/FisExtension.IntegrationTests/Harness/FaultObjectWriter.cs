using System.Globalization;
using System.Text.Json;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// A temporary configuration location holding schema v1 fault objects, laid out as the extension reads them:
/// <c>&lt;directory&gt;/&lt;function-name&gt;/&lt;experiment-id&gt;-&lt;action-name&gt;.json</c> (fis-lambda-actions.md §5).
/// The folder is deleted on dispose.
/// </summary>
internal sealed class FaultObjectWriter : IDisposable
{
    public const string AddDelay = "aws:lambda:invocation-add-delay";
    public const string InvocationError = "aws:lambda:invocation-error";
    public const string HttpIntegrationResponse = "aws:lambda:invocation-http-integration-response";

    public FaultObjectWriter(string functionName = "fis-test-function")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fis-faults-").FullName;
        FunctionDirectory = Path.Combine(Directory, functionName);
        System.IO.Directory.CreateDirectory(FunctionDirectory);
    }

    /// <summary>The configuration location (for <see cref="HarnessOptions.ConfigurationDirectory"/>).</summary>
    public string Directory { get; }

    public string FunctionDirectory { get; }

    /// <summary>Writes (or rewrites) one object and returns its path. Parameter values are written as given: strings, numbers or booleans.</summary>
    public string Write(
        string experimentId,
        string actionName,
        string actionId,
        DateTimeOffset start,
        DateTimeOffset end,
        IReadOnlyDictionary<string, object> parameters)
    {
        var path = Path.Combine(FunctionDirectory, $"{experimentId}-{actionName}.json");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("experimentId", experimentId);
            json.WriteString("actionName", actionName);
            json.WriteString("actionId", actionId);
            json.WriteString("startTime", Rfc3339(start));
            json.WriteString("endTime", Rfc3339(end));
            json.WriteStartObject("parameters");
            foreach (var (name, value) in parameters)
            {
                switch (value)
                {
                    case bool flag:
                        json.WriteBoolean(name, flag);
                        break;
                    case int number:
                        json.WriteNumber(name, number);
                        break;
                    default:
                        json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        // Written whole under another name and renamed, so that a poll never reads half an object.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>An object active from a minute ago for <paramref name="activeFor"/> (ten minutes by default).</summary>
    public string WriteActive(string experimentId, string actionName, string actionId, IReadOnlyDictionary<string, object> parameters, TimeSpan? activeFor = null)
    {
        var now = DateTimeOffset.UtcNow;
        return Write(experimentId, actionName, actionId, now.AddMinutes(-1), now + (activeFor ?? TimeSpan.FromMinutes(10)), parameters);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The extension may still be listing it; the temp folder is cleaned by the system.
        }
    }

    /// <summary>A time as the extension's log lines name it (e.g. "found active faults: … until 2026-12-02T10:00:00Z").</summary>
    public static string AsLogged(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
